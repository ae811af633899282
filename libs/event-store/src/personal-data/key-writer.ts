import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { KEY_WRITER_ROLE, KeyWriterReply, KeyWriterRequest, TextToSeal } from './key-writer-thread';
import type { SealedText } from './sealed-text';

interface Waiting {
  texts: readonly TextToSeal[];
  resolve: (envelopes: SealedText[]) => void;
  reject: (error: Error) => void;
}

/**
 * Sealing with group commit of the new keys through their writer thread: while one batch is being
 * committed, the texts that arrive queue up and go as the next batch. Each seal resolves with its
 * envelopes after its batch's commit.
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

  seal(texts: readonly TextToSeal[]): Promise<SealedText[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ texts, resolve, reject });
      if (this.inFlight.size === 0) this.send();
    });
  }

  /** What is queued goes now; resolves once the thread committed it and closed its connection. */
  close(): Promise<void> {
    if (this.failure) return Promise.resolve();
    if (this.queue.length > 0) this.send();
    this.worker.ref(); // the process waits for the queued commits
    const closed = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage({ close: true } satisfies KeyWriterRequest);
    this.failure = new Error('the key store is closed');
    return closed;
  }

  private send(): void {
    const group = this.queue;
    this.queue = [];
    const batch = ++this.batches;
    this.inFlight.set(batch, group);
    this.worker.ref(); // texts in flight keep the process alive until their keys are committed
    const texts = group.flatMap((waiting) => waiting.texts);
    this.worker.postMessage({ batch, texts, createdAt: new Date().toISOString() } satisfies KeyWriterRequest);
  }

  private settle(reply: KeyWriterReply): void {
    if ('closed' in reply) return;
    const group = this.inFlight.get(reply.batch) ?? [];
    this.inFlight.delete(reply.batch);
    const { error, envelopes = [] } = reply;
    let next = 0;
    for (const waiting of group) {
      const mine = envelopes.slice(next, (next += waiting.texts.length));
      if (error === undefined) waiting.resolve(mine);
      else waiting.reject(new Error(error));
    }
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
