import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DuplicateEventIdError, EventStoreUnavailableError, WrongExpectedRevisionError } from '../errors';
import type { AppendResult } from '../event-store.port';
import type { AppendFailure, AppendRequest } from './append-transaction';
import { WRITER_ROLE, WriterReply, WriterRequest } from './writer-thread';
import type { LogKey } from '../log-chain/log-chain';
import { Checkpointer } from './checkpointer';
import type { RawEventRow } from './event-rows';

interface Waiting {
  request: AppendRequest;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

const MAX_GROUP = 1_000;

/**
 * Group commit through the writer thread: while one group is being committed (and fsynced), the
 * appends that arrive queue up and go as the next group. Each append is acknowledged only after
 * the commit of its group.
 */
export class WriterClient {
  readonly ready: Promise<{ journalMode: string; synchronous: number }>;
  private readonly worker: Worker;
  private readonly checkpointer: Checkpointer;
  private queue: Waiting[] = [];
  private inFlight?: { batch: number; group: Waiting[] };
  private batches = 0;
  private failure?: Error;
  private closing?: () => void;
  private closeRequested = false;

  constructor(
    file: string,
    /** After each commit, before any append is acknowledged: the rows it wrote in position order (none for repeats). */
    private readonly onCommitted: (rows: RawEventRow[]) => void,
    logKey?: LogKey,
  ) {
    const script = join(__dirname, `writer-thread${extname(__filename)}`);
    // Under ts-node-like runners (tests, benchmarks) the thread needs the same TypeScript loader.
    const execArgv = extname(__filename) === '.ts' ? ['-r', '@swc-node/register'] : [];
    this.worker = new Worker(script, { workerData: { role: WRITER_ROLE, file, logKey }, execArgv });
    this.checkpointer = new Checkpointer(file);
    this.ready = new Promise((resolve, reject) => {
      this.worker.once('message', (reply: WriterReply) =>
        'ready' in reply
          ? resolve({ journalMode: reply.journalMode, synchronous: reply.synchronous })
          : reject(new Error('writer did not start')),
      );
      this.worker.once('error', reject);
    });
    this.ready.then(
      () => {
        this.worker.on('message', (reply: WriterReply) => this.settle(reply));
        // Listening references the thread again; an idle store must not keep the process alive.
        if (!this.inFlight && !this.closeRequested) this.worker.unref();
      },
      () => undefined,
    );
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', () => this.fail(new Error('the SQLite writer thread stopped')));
    this.worker.unref();
  }

  append(request: AppendRequest): Promise<AppendResult> {
    if (this.failure) return Promise.reject(new EventStoreUnavailableError(this.failure.message, this.failure));
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.pump();
    });
  }

  /** Commits everything queued, then stops the thread. */
  async close(): Promise<void> {
    this.closeRequested = true;
    this.worker.ref(); // closing is work in flight: the process waits for it
    await this.ready.catch(() => undefined);
    if (this.inFlight || this.queue.length > 0) await new Promise<void>((resolve) => (this.closing = resolve));
    await this.checkpointer.close();
    if (this.failure) return;
    const closed = new Promise<void>((resolve) => this.worker.once('message', () => resolve()));
    this.worker.postMessage({ close: true } satisfies WriterRequest);
    await closed;
    this.failure = new Error('the event store is closed');
    await this.worker.terminate();
  }

  private pump(): void {
    if (this.inFlight || this.queue.length === 0) return;
    const group = this.queue.splice(0, MAX_GROUP);
    this.inFlight = { batch: ++this.batches, group };
    this.worker.ref(); // an append in flight keeps the process alive until it is committed
    void this.ready.then(() =>
      this.worker.postMessage({
        batch: this.inFlight!.batch,
        requests: group.map((w) => w.request),
      } satisfies WriterRequest),
    );
  }

  private settle(reply: WriterReply): void {
    if (!('batch' in reply) || !this.inFlight || reply.batch !== this.inFlight.batch) return;
    const { group } = this.inFlight;
    this.inFlight = undefined;
    if ('error' in reply) {
      group.forEach((w) => w.reject(new EventStoreUnavailableError(reply.error)));
    } else {
      const rows = reply.outcomes.flatMap((outcome) => (outcome.ok ? outcome.rows : []));
      // A repeat writes nothing, yet wakes the subscriptions: its events may be another process's, not read yet.
      if (reply.outcomes.some((outcome) => outcome.ok)) this.onCommitted(rows);
      this.checkpointer.committedEvents(rows.length);
      reply.outcomes.forEach((outcome, i) =>
        outcome.ok ? group[i].resolve(outcome.value) : group[i].reject(toError(outcome.failure)),
      );
    }
    this.pump();
    if (!this.inFlight && this.queue.length === 0) {
      if (!this.closeRequested) this.worker.unref();
      this.closing?.();
    }
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    const waiting = [...(this.inFlight?.group ?? []), ...this.queue.splice(0)];
    this.inFlight = undefined;
    waiting.forEach((w) => w.reject(new EventStoreUnavailableError(error.message, error)));
    this.closing?.();
  }
}

function toError(failure: AppendFailure): Error {
  switch (failure.kind) {
    case 'wrong_expected_revision':
      return new WrongExpectedRevisionError(failure.stream, failure.expected, failure.actual);
    case 'duplicate_event_id':
      return new DuplicateEventIdError(failure.stream, failure.eventId);
    default:
      return new EventStoreUnavailableError(failure.message);
  }
}
