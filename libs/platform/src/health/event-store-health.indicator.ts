import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, EventStore } from '@pdca/event-store';
import { Environment } from '../config/environment';
import { storeWritability } from './store-writability';

/**
 * The store answers, and (embedded SQLite) can still write: a full disk makes every command fail
 * with 503, so readiness reports the store as down with `writable: false` instead of "up".
 * EventStoreDB watches its own disk; the API only checks that it answers.
 */
@Injectable()
export class EventStoreHealthIndicator {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly indicators: HealthIndicatorService,
    private readonly environment: Environment,
  ) {}

  async check(key = 'eventStore') {
    const indicator = this.indicators.check(key);
    try {
      if (!(await this.store.ping())) return indicator.down();
      const head = await this.store.headPosition();
      if (this.environment.EVENTSTORE_URL) return indicator.up({ head });
      const disk = await storeWritability(this.environment.DATA_DIR, this.environment.STORE_MIN_FREE_MB * 1_048_576);
      return disk.writable ? indicator.up({ head, ...disk }) : indicator.down({ head, ...disk });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
