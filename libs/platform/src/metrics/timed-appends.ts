import type {
  AppendResult, EventStore, EventSubscription, ExpectedRevision, NewEvent, ReadAllOptions, ReadStreamOptions, RecordedEvent, SubscribeOptions,
} from '@pdca/event-store';
import type { Metrics } from './metrics';

/**
 * The adapter with its appends timed for pdca_event_store_append_duration_seconds; everything else
 * passes straight through. Placed under the hash chain, so it times the store, not the chaining.
 */
export class TimedAppends implements EventStore {
  constructor(private readonly inner: EventStore, private readonly metrics: Metrics) {}

  async append(stream: string, events: readonly NewEvent[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    const started = performance.now();
    try {
      const result = await this.inner.append(stream, events, options);
      this.metrics.observeAppend('ok', (performance.now() - started) / 1_000);
      return result;
    } catch (error) {
      this.metrics.observeAppend('failed', (performance.now() - started) / 1_000);
      throw error;
    }
  }

  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(stream, options);
  }

  streamRevision(stream: string): Promise<number> {
    return this.inner.streamRevision(stream);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  subscribeToAll(options?: SubscribeOptions): EventSubscription {
    return this.inner.subscribeToAll(options);
  }

  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }

  ping(): Promise<boolean> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
