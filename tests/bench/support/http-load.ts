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
      const response = await send(pool, request);
      const body = response.body;
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

/**
 * One request through undici's dispatch API: one promise, the body gathered as buffers, the
 * headers left unparsed (the older handler form; the newer one parses every response's headers).
 * The closed loop runs on the API's two cores, so what the load generator spends per request is
 * taken from the API: `pool.request` with a body stream read by `text()` cost ~90 µs of CPU per
 * command at 64 clients (the bench's "CPU per command" row), a seventh of all the CPU of one.
 */
function send(pool: Pool, request: LoadRequest): Promise<{ statusCode: number; body: string }> {
  return new Promise((resolve, reject) => {
    let statusCode = 0;
    const chunks: Buffer[] = [];
    pool.dispatch(
      { method: request.method, path: request.path, headers: request.headers, body: request.body ?? null },
      {
        onConnect: () => undefined,
        onError: reject,
        onHeaders: (status: number) => {
          statusCode = status;
          return true;
        },
        onData: (chunk: Buffer) => {
          chunks.push(chunk);
          return true;
        },
        onComplete: () => resolve({ statusCode, body: Buffer.concat(chunks).toString('utf8') }),
      },
    );
  });
}
