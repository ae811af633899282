import { ForwardingEventStore } from '@pdca/event-store';
import type { AppendOptions, AppendResult, EventStore, NewEvent } from '@pdca/event-store';
import type { Metrics } from './metrics';

/**
 * The adapter with its appends timed for pdca_event_store_append_duration_seconds; everything else
 * passes straight through. Placed under the hash chain, so it times the store, not the chaining.
 */
export class TimedAppends extends ForwardingEventStore {
  constructor(
    inner: EventStore,
    private readonly metrics: Metrics,
  ) {
    super(inner);
  }

  override async append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
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
}
