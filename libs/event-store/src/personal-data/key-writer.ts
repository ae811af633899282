import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { KEY_WRITER_ROLE, KeyWriterReply, KeyWriterRequest, TextToSeal } from './key-writer-thread';
import { PersonalKey, personalKeyAt, SealedText, sealText } from './sealed-text';

interface Waiting {
  texts: readonly TextToSeal[];
  resolve: (envelopes: SealedText[]) => void;
  reject: (error: Error) => void;
}

/** Keys kept committed ahead of need; a batch this size is made once fewer than half are left. */
const POOL_SIZE = 256;
const LOW_WATER = POOL_SIZE / 2;

/**
 * Seals texts with keys that are already durable: its writer thread makes and commits keys in
 * batches ahead of need, and a seal takes one key per text from that pool and seals right here,
 * without waiting for the disk or for the thread (a command's only fsync is then its events'). A
 * seal waits only when the pool runs dry (the first one, a burst), until the next batch is committed.
 * Each key is handed out once; those never handed out are deleted when the store closes.
 */
export class KeyWriter {
  private readonly worker: Worker;
  private pool: PersonalKey[] = [];
  private waiting: Waiting[] = [];
  private refilling?: number;
  private batches = 0;
  private failure?: Error;
  private closing?: () => void;

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
    if (this.failure || this.closing) return Promise.reject(this.failure ?? new Error('the key store is closed'));
    if (this.waiting.length === 0 && this.pool.length >= texts.length) {
      const sealed = new Promise<SealedText[]>((resolve) => resolve(this.sealNow(texts)));
      this.refillIfLow();
      return sealed;
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ texts, resolve, reject });
      this.refillIfLow();
    });
  }

  /** Seals still waiting get their keys first; then the unused keys are deleted and the thread closes the file. */
  close(): Promise<void> {
    if (this.failure) return Promise.resolve();
    this.worker.ref(); // the process waits for the last commits
    const closed = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.closing = () => {
      const unused = this.pool.splice(0);
      this.worker.postMessage({ close: true, unused: unused.map((k) => k.kid) } satisfies KeyWriterRequest);
      unused.forEach((k) => k.key.fill(0));
      this.failure = new Error('the key store is closed');
    };
    if (this.refilling === undefined) this.closing();
    return closed;
  }

  private sealNow(texts: readonly TextToSeal[]): SealedText[] {
    const keys = this.pool.splice(0, texts.length);
    try {
      return texts.map(({ text, where }, i) => sealText(text, where, keys[i]));
    } finally {
      keys.forEach((k) => k.key.fill(0)); // this process needs it no more (reads take it from the file)
    }
  }

  private refillIfLow(): void {
    if (this.refilling !== undefined || this.failure) return;
    const needed = this.waiting.reduce((n, w) => n + w.texts.length, 0);
    const spare = this.pool.length - needed;
    if (this.closing ? needed === 0 : spare >= LOW_WATER) return;
    this.refilling = ++this.batches;
    this.worker.ref(); // seals waiting for keys keep the process alive until they are committed
    const count = this.closing ? needed - this.pool.length : POOL_SIZE - spare;
    this.worker.postMessage({
      batch: this.refilling,
      count,
      createdAt: new Date().toISOString(),
    } satisfies KeyWriterRequest);
  }

  private settle(reply: KeyWriterReply): void {
    if ('closed' in reply || reply.batch !== this.refilling) return;
    this.refilling = undefined;
    if (reply.error !== undefined || !reply.kids || !reply.material) {
      const error = new Error(reply.error ?? 'the key writer sent no keys');
      this.waiting.splice(0).forEach((w) => w.reject(error));
    } else {
      const { material } = reply;
      reply.kids.forEach((kid, i) => this.pool.push(personalKeyAt(material, i, kid)));
      this.serveWaiting();
    }
    this.refillIfLow();
    if (this.refilling !== undefined) return;
    if (this.closing) this.closing();
    else this.worker.unref();
  }

  /** In arrival order; a seal too large for what is left waits, with those behind it, for the next batch. */
  private serveWaiting(): void {
    while (this.waiting.length > 0 && this.pool.length >= this.waiting[0].texts.length) {
      const waiting = this.waiting.shift()!;
      try {
        waiting.resolve(this.sealNow(waiting.texts));
      } catch (error) {
        waiting.reject(error as Error);
      }
    }
  }

  private fail(error: Error): void {
    const closedOnPurpose = this.failure !== undefined && this.refilling === undefined;
    this.failure ??= error;
    if (closedOnPurpose) return;
    this.refilling = undefined;
    this.waiting.splice(0).forEach((w) => w.reject(error));
  }
}
