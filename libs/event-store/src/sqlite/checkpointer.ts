import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CHECKPOINT_ROLE, CheckpointReply, CheckpointRequest } from './checkpoint-thread';

/** Committed events between two checkpoints (about 5–6 WAL frames each: half SQLite's default interval). */
const EVENTS_PER_CHECKPOINT = 100;

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
