import type { Clock } from '@pdca/kernel';

/** The demo's commands are dated in the past: the loader sets this clock before each one. */
export class DemoClock implements Clock {
  private current = new Date();

  now(): Date {
    return new Date(this.current);
  }

  set(instant: string): void {
    this.current = new Date(instant);
  }
}
