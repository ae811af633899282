import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/errors';
import { FormValues, sameValues } from './form-values';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; error: ApiError }
  | { kind: 'conflict' };

export const AUTOSAVE_DELAY_MS = 1_200;

/**
 * Saves the draft a moment after the user stops typing (debounced), one save at a time; `flush`
 * saves now and waits (before a submission), `rebase` sets what the server holds.
 */
export function useAutosave(values: FormValues, enabled: boolean, save: (values: FormValues) => Promise<void>) {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const latest = useRef(values);
  const saved = useRef<FormValues | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const blocked = useRef(false);
  latest.current = values;

  const flush = useCallback(async (): Promise<boolean> => {
    window.clearTimeout(timer.current);
    while (inFlight.current) await inFlight.current.catch(() => undefined);
    if (blocked.current) return false;
    if (saved.current && sameValues(latest.current, saved.current)) return true;
    const snapshot = latest.current;
    setStatus({ kind: 'saving' });
    const attempt = save(snapshot)
      .then(() => {
        saved.current = snapshot;
        setStatus(sameValues(latest.current, snapshot) ? { kind: 'saved', at: new Date() } : { kind: 'dirty' });
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.code === 'STALE_REVISION') {
          blocked.current = true;
          setStatus({ kind: 'conflict' });
        } else if (error instanceof ApiError) setStatus({ kind: 'error', error });
        else throw error;
      });
    inFlight.current = attempt;
    try {
      await attempt;
    } finally {
      inFlight.current = null;
    }
    return saved.current !== null && sameValues(saved.current, snapshot);
  }, [save]);

  useEffect(() => {
    if (!enabled || blocked.current || saved.current === null || sameValues(values, saved.current)) return;
    setStatus((previous) => (previous.kind === 'saving' ? previous : { kind: 'dirty' }));
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer.current);
  }, [values, enabled, flush]);

  /** The server holds `values` now (loaded, submitted or taken over after a conflict). */
  const rebase = useCallback((values: FormValues, afterSave = false) => {
    window.clearTimeout(timer.current);
    saved.current = values;
    blocked.current = false;
    setStatus(afterSave ? { kind: 'saved', at: new Date() } : { kind: 'idle' });
  }, []);

  const cancel = useCallback(() => window.clearTimeout(timer.current), []);

  return { status, flush, rebase, cancel };
}
