import { sample } from '../../operations/support/scrape';

/**
 * prom-client samples the loop with a 10 ms timer (its default eventLoopMonitoringPrecision), and Node's
 * histogram records the time between the timer's callbacks: an idle loop reads 10 ms, so lateness is the rest.
 */
const LAG_TIMER_MS = 10;

export interface EventLoopSample {
  /** When the scrape was answered (performance.now() of the bench). */
  at: number;
  busySeconds: number;
  /** nodejs_eventloop_lag_p99_seconds: prom-client resets its histogram at every scrape, so this is the p99 since the previous one. */
  lagP99Seconds: number;
}

/** The API's event loop as its /metrics tells it: busy time so far, and how late it ran since the last scrape. */
export async function sampleEventLoop(metricsUrl: string): Promise<EventLoopSample> {
  const text = await (await fetch(metricsUrl)).text();
  return {
    at: performance.now(),
    busySeconds: sample(text, 'pdca_event_loop_busy_seconds_total') ?? Number.NaN,
    lagP99Seconds: sample(text, 'nodejs_eventloop_lag_p99_seconds') ?? Number.NaN,
  };
}

/** Between two samples: the share of the time the event loop was busy (per process, on average), and how late it ran at p99. */
export function eventLoopBetween(start: EventLoopSample, end: EventLoopSample, processes: number): { busyShare: number; lateP99Ms: number } {
  const seconds = (end.at - start.at) / 1_000;
  return { busyShare: (end.busySeconds - start.busySeconds) / seconds / processes, lateP99Ms: Math.max(0, end.lagP99Seconds * 1_000 - LAG_TIMER_MS) };
}
