import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EventSubscription, ReadAllOptions, RecordedEvent } from '../event-store.port';
import type { WakeSignal } from './wake-signal';

export interface PollingSource {
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  signal: WakeSignal;
}

/**
 * Catch-up then live by reading pages after the last delivered position. Because every
 * page starts strictly after the previous event, there is neither gap nor duplicate.
 */
export class PollingSubscription implements EventSubscription {
  private closed = false;
  private readonly closing = new AbortController();

  constructor(
    private readonly source: PollingSource,
    private after: number,
    private readonly options: { pageSize: number; idlePollMs: number },
  ) {}

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    while (!this.closed) {
      const page = await this.source.readAll({ after: this.after, maxCount: this.options.pageSize, following: true });
      for (const event of page) {
        if (this.closed) return;
        this.after = event.position;
        yield event;
      }
      if (page.length < this.options.pageSize && !this.closed) {
        await this.source.signal.wait(this.options.idlePollMs, this.closing.signal);
      } else {
        // Catching up (a full page): let the process's I/O in between pages. SQLite reads are
        // synchronous, so without this a long catch-up answered no request (readiness could not
        // say "behind") until it was over.
        await nextTurn();
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.closing.abort();
  }
}
