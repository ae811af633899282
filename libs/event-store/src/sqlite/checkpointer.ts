import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CHECKPOINT_ROLE, CheckpointReply, CheckpointRequest } from './checkpoint-thread';

/**
 * Committed events between two checkpoints (about 5–6 WAL frames each). Small on purpose: a commit's
 * fsync flushes the disk's cache, so a commit that falls inside a checkpoint waits for every page that
 * checkpoint wrote. Measured on scenario 1's store at 1 client (writer transaction p99, request p99):
 * every 100 events 3.7–3.8 / 6.3–6.7 ms, every 25 1.6–1.8 / 4.4–5.4, every 10 1.1 / 4.3–4.4; every
 * 2,000 left 40 ms transactions at 64 clients. At 64 clients 10 was no slower than 100 (README, Performance).
 */
const EVENTS_PER_CHECKPOINT = 10;

/**
 * Asks the checkpoint thread (started on first need) for a checkpoint every EVENTS_PER_CHECKPOINT
 * committed events, one at a time. The writer connection keeps a larger automatic checkpoint as a
 * backstop, for a WAL this thread cannot keep up with (or if it stopped).
 */
export class Checkpointer {
  private worker?: Worker;
  private exited?: Promise<void>;
  private committed = 0;
  private inFlight = false;
  private stopped = false;

  constructor(private readonly file: string) {}

  /** After each committed group, with the number of events it committed. */
  committedEvents(count: number): void {
    this.committed += count;
    if (this.committed < EVENTS_PER_CHECKPOINT || this.inFlight || this.stopped) return;
    this.committed = 0;
    this.inFlight = true;
    this.thread().postMessage({ checkpoint: true } satisfies CheckpointRequest);
  }

  /** Waits for a checkpoint in flight, then closes the thread's connection. */
  async close(): Promise<void> {
    this.stopped = true;
    this.worker?.postMessage({ close: true } satisfies CheckpointRequest);
    await this.exited;
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const script = join(__dirname, `checkpoint-thread${extname(__filename)}`);
    // Under ts-node-like runners (tests, benchmarks) the thread needs the same TypeScript loader.
    const execArgv = extname(__filename) === '.ts' ? ['-r', '@swc-node/register'] : [];
    const worker = new Worker(script, { workerData: { role: CHECKPOINT_ROLE, file: this.file }, execArgv });
    worker.on('message', (reply: CheckpointReply) => {
      if ('checkpointed' in reply) this.inFlight = false;
    });
    // A failed thread only leaves checkpoints to the writer's backstop.
    worker.on('error', () => (this.stopped = true));
    this.exited = new Promise((resolve) =>
      worker.once('exit', () => {
        this.stopped = true;
        resolve();
      }),
    );
    worker.unref();
    this.worker = worker;
    return worker;
  }
}
