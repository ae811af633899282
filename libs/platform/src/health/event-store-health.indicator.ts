import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, EventStore } from '@pdca/event-store';

@Injectable()
export class EventStoreHealthIndicator {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, private readonly indicators: HealthIndicatorService) {}

  async check(key = 'eventStore') {
    const indicator = this.indicators.check(key);
    try {
      return (await this.store.ping()) ? indicator.up({ head: await this.store.headPosition() }) : indicator.down();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
