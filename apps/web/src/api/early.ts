/**
 * GETs sent before the app's code has run (boot.ts) or before the screen that reads them has
 * rendered; the first `api` call for the same path takes the answer instead of asking again.
 * Plain fetch, no other import: boot.ts must stay tiny to run early.
 */
const early = new Map<string, { response: Promise<Response>; at: number }>();

/** An answer nobody took this soon (the user went elsewhere first) is not shown later as current. */
const FRESH_MS = 10_000;

export function askEarly(path: string): Promise<Response> {
  const response = fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  response.catch(() => undefined); // the taker reports a failure (and asks again)
  early.set(path, { response, at: Date.now() });
  return response;
}

/** The early answer for `path`, once; undefined when there is none or it is stale. */
export function takeEarly(path: string): Promise<Response> | undefined {
  const entry = early.get(path);
  early.delete(path);
  return entry && Date.now() - entry.at < FRESH_MS ? entry.response : undefined;
}
