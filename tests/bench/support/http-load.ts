import { Pool } from 'undici';
import type { Dispatcher } from 'undici';

export interface LoadRequest {
  method: Dispatcher.HttpMethod;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  concurrency: number;
  /** Requests that completed inside the measured window. */
  completed: number;
  /** Of those, how many were acceptable to `accept`. */
  ok: number;
  statuses: Record<number, number>;
  /** Length of the measured window in seconds (shorter when `next` ran out). */
  seconds: number;
  /** Latency of every request started and completed inside the measured window, in ms. */
  latenciesMs: number[];
  firstFailure?: string;
}

export interface LoadOptions {
  base: string;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** The next request to send, or undefined when there is nothing left to send. */
  next: () => LoadRequest | undefined;
  accept?: (status: number, body: string) => boolean;
  /** Called when the measured window opens and when it closes (e.g. to sample CPU over exactly that window). */
  onWindow?: (edge: 'start' | 'end') => void;
}

/**
 * A closed loop: `concurrency` clients, each on its own keep-alive connection, send the next request
 * as soon as their previous one answered. Requests finishing during the warm-up are not counted.
 * undici rather than autocannon: every request here has its own path, token and body, and the result
 * of every single request is checked, which autocannon's fixed request templates make awkward.
 */
export async function runClosedLoop(options: LoadOptions): Promise<LoadResult> {
  const { concurrency, warmupMs, durationMs, next } = options;
  const accept = options.accept ?? ((status: number) => status >= 200 && status < 300);
  const pool = new Pool(options.base, { connections: concurrency, pipelining: 1, keepAliveTimeout: 60_000 });
  const result: LoadResult = { concurrency, completed: 0, ok: 0, statuses: {}, seconds: 0, latenciesMs: [] };
  const started = performance.now();
  const measureFrom = started + warmupMs;
  const measureUntil = measureFrom + durationMs;
  let lastCompletion = measureFrom;
  const edges = options.onWindow
    ? [setTimeout(() => options.onWindow!('start'), warmupMs), setTimeout(() => options.onWindow!('end'), warmupMs + durationMs)]
    : [];
  const client = async () => {
    for (let request = next(); request && performance.now() < measureUntil; request = next()) {
      const sent = performance.now();
      const response = await pool.request({ method: request.method, path: request.path, headers: request.headers, body: request.body });
      const body = await response.body.text();
      const done = performance.now();
      if (done < measureFrom || done > measureUntil) continue;
      result.completed++;
      lastCompletion = done;
      result.statuses[response.statusCode] = (result.statuses[response.statusCode] ?? 0) + 1;
      if (accept(response.statusCode, body)) result.ok++;
      else result.firstFailure ??= `${response.statusCode} ${body.slice(0, 300)}`;
      if (sent >= measureFrom) result.latenciesMs.push(done - sent);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  edges.forEach(clearTimeout); // a window cut short by running out of requests has ended already
  await pool.close();
  result.seconds = (Math.min(measureUntil, Math.max(lastCompletion, measureFrom)) - measureFrom) / 1000;
  return result;
}
