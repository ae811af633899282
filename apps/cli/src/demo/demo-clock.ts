import { AsyncLocalStorage } from 'node:async_hooks';
import type { Clock } from '@pdca/kernel';

/**
 * The demo's commands are dated in the past, several at once: each runs inside `at(instant, …)` and
 * every clock reading made on its behalf (decide's `now`, the event's recordedAt) gets its instant.
 */
export class DemoClock implements Clock {
  private readonly instants = new AsyncLocalStorage<Date>();

  now(): Date {
    return new Date(this.instants.getStore() ?? Date.now());
  }

  at<T>(instant: string, work: () => Promise<T>): Promise<T> {
    return this.instants.run(new Date(instant), work);
  }
}
