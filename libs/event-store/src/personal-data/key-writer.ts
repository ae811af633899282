import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { KEY_WRITER_ROLE, KeyWriterReply, KeyWriterRequest } from './key-writer-thread';

interface Waiting {
  keys: ReadonlyArray<{ kid: string; key: Buffer }>;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Group commit of new keys through their writer thread: while one batch is being committed, the
 * keys that arrive queue up and go as the next batch. Each put resolves after its batch's commit.
 */
export class KeyWriter {
  private readonly worker: Worker;
  private queue: Waiting[] = [];
  private inFlight = new Map<number, Waiting[]>();
  private batches = 0;
  private failure?: Error;

  constructor(file: string) {
    const script = join(__dirname, `key-writer-thread${extname(__filename)}`);
    // Under ts-node-like runners (tests, benchmarks) the thread needs the same TypeScript loader.
    const execArgv = extname(__filename) === '.ts' ? ['-r', '@swc-node/register'] : [];
    this.worker = new Worker(script, { workerData: { role: KEY_WRITER_ROLE, file }, execArgv });
    this.worker.on('message', (reply: KeyWriterReply) => this.settle(reply));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', () => this.fail(new Error('the key writer thread stopped')));
    this.worker.unref();
  }

  put(keys: ReadonlyArray<{ kid: string; key: Buffer }>): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ keys, resolve, reject });
      if (this.inFlight.size === 0) this.send();
    });
  }

  /** What is queued goes now; the thread closes its connection after the batches before it. */
  close(): void {
    if (this.failure) return;
    if (this.queue.length > 0) this.send();
    this.worker.ref(); // the process waits for the queued commits
    this.worker.postMessage({ close: true } satisfies KeyWriterRequest);
    this.failure = new Error('the key store is closed');
  }

  private send(): void {
    const group = this.queue;
    this.queue = [];
    const batch = ++this.batches;
    this.inFlight.set(batch, group);
    this.worker.ref(); // keys in flight keep the process alive until they are committed
    // Copies of exactly 32 bytes: a pooled Buffer would clone its whole pool across the thread boundary.
    const keys = group.flatMap((waiting) => waiting.keys.map(({ kid, key }) => ({ kid, key: new Uint8Array(key) })));
    this.worker.postMessage({ batch, keys, createdAt: new Date().toISOString() } satisfies KeyWriterRequest);
  }

  private settle(reply: KeyWriterReply): void {
    if ('closed' in reply) return;
    const group = this.inFlight.get(reply.batch) ?? [];
    this.inFlight.delete(reply.batch);
    const error = reply.error;
    group.forEach((waiting) => (error === undefined ? waiting.resolve() : waiting.reject(new Error(error))));
    if (this.queue.length > 0 && !this.failure) this.send();
    if (this.inFlight.size === 0 && !this.failure) this.worker.unref();
  }

  private fail(error: Error): void {
    const closedOnPurpose = this.failure !== undefined && this.inFlight.size === 0;
    this.failure ??= error;
    if (closedOnPurpose) return;
    const waiting = [...[...this.inFlight.values()].flat(), ...this.queue.splice(0)];
    this.inFlight.clear();
    waiting.forEach((w) => w.reject(error));
  }
}
