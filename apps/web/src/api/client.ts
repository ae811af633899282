import { takeEarly } from './early';
import { ApiError, errorFrom, networkError } from './errors';

export { wardPath } from './ward-path';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  /** One key per form submission, the same for its retries (see useSubmission). */
  idempotencyKey?: string;
  /** The ETag of the version the user edited; a stale write gets 409 with the current revision. */
  ifMatch?: string;
  signal?: AbortSignal;
  /** Sign-in calls handle 401 themselves instead of going to the sign-in page. */
  allowUnauthenticated?: boolean;
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  etag?: string;
}

let csrfToken: string | undefined;
let onUnauthenticated: (() => void) | undefined;

/** Set from the session: non-GET requests carry it as X-CSRF-Token. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** The app decides what a 401 means (go to /login?next=<here>); the client only reports it. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

function headersFor(method: Method, options: RequestOptions): Headers {
  const headers = new Headers({ Accept: 'application/json' });
  // A FormData body (file uploads) sets its own multipart Content-Type with the boundary.
  if (options.body !== undefined && !(options.body instanceof FormData))
    headers.set('Content-Type', 'application/json');
  if (method !== 'GET' && csrfToken) headers.set('X-CSRF-Token', csrfToken);
  if (options.idempotencyKey) headers.set('Idempotency-Key', options.idempotencyKey);
  if (options.ifMatch) headers.set('If-Match', options.ifMatch);
  return headers;
}

/** fetch with the session cookie (same origin), the CSRF header, and the API's error shape. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const method = options.method ?? 'GET';
  const send = () =>
    fetch(path, {
      method,
      credentials: 'same-origin',
      headers: headersFor(method, options),
      body:
        options.body === undefined
          ? undefined
          : options.body instanceof FormData
            ? options.body
            : JSON.stringify(options.body),
      signal: options.signal,
    });
  // A GET asked for early (boot.ts) is answered from there; if that failed on the network, ask again.
  const early = method === 'GET' ? takeEarly(path) : undefined;
  let response: Response;
  try {
    response = await (early ? early.catch(send) : send());
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw networkError();
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (response.status === 401 && !options.allowUnauthenticated) onUnauthenticated?.();
    throw error;
  }
  const etag = response.headers.get('ETag') ?? undefined;
  const data = response.status === 204 ? (undefined as T) : ((await response.json()) as T);
  return { data, status: response.status, etag };
}

export async function get<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await api<T>(path, { signal })).data;
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
