import { useCallback, useRef, useState } from 'react';
import { ApiError } from './errors';

/** crypto.randomUUID exists only in secure contexts; an intranet may serve plain http. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One Idempotency-Key per form submission: a double click or a retry after a network error sends
 * the same key (the server answers the first result and appends nothing); a changed payload is a
 * new submission with a new key.
 */
export function useSubmission() {
  const last = useRef<{ payload: string; key: string } | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const keyFor = useCallback((payload: unknown) => {
    const text = JSON.stringify(payload ?? null);
    if (last.current?.payload !== text) last.current = { payload: text, key: newIdempotencyKey() };
    return last.current.key;
  }, []);

  const run = useCallback(
    async <T>(payload: unknown, send: (idempotencyKey: string) => Promise<T>): Promise<T | undefined> => {
      if (pending) return undefined;
      setPending(true);
      setError(null);
      try {
        const result = await send(keyFor(payload));
        last.current = null;
        return result;
      } catch (caught) {
        // A definite answer from the server (4xx) ends that submission; a network failure keeps the key.
        if (caught instanceof ApiError && caught.status >= 400 && caught.status < 500) last.current = null;
        if (caught instanceof ApiError) setError(caught);
        else throw caught;
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [keyFor, pending],
  );

  return { run, pending, error, setError };
}
