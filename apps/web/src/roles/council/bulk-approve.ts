import { useRef, useState } from 'react';
import { api, wardPath } from '../../api/client';
import { ApiError } from '../../api/errors';
import { newIdempotencyKey } from '../../api/submission';
import type { CommandResult, ItemView } from '../../api/types';
import { itemApiPath } from '../../items/paths';
import { mapBounded } from './bounded';

/** Enough to keep the API busy without one council member's click monopolising it. */
export const BULK_CONCURRENCY = 4;

export interface BulkResult {
  item: ItemView;
  ok: boolean;
  error?: ApiError;
}

export const itemKey = (item: Pick<ItemView, 'kind' | 'itemId'>) => `${item.kind}:${item.itemId}`;

/**
 * Approves a selection: one request per item (each with its own Idempotency-Key, kept if the
 * same item is retried, and If-Match on the revision the council saw), a few at a time; every
 * item's result is reported, a failure never stops the rest.
 */
export function useBulkApprove(wardId: string, fy: number) {
  const keys = useRef(new Map<string, string>());
  const [running, setRunning] = useState(false);
  const [done, setDone] = useState(0);
  const [results, setResults] = useState<BulkResult[] | null>(null);

  const approveOne = async (item: ItemView): Promise<BulkResult> => {
    const id = `${itemKey(item)}@${item.revision}`;
    if (!keys.current.has(id)) keys.current.set(id, newIdempotencyKey());
    try {
      await api<CommandResult>(wardPath(wardId, itemApiPath(fy, item.kind, item.itemId, '/review')), {
        method: 'POST',
        body: { decision: 'approve' },
        idempotencyKey: keys.current.get(id),
        ifMatch: `"${item.revision}"`,
      });
      keys.current.delete(id);
      return { item, ok: true };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status >= 400 && error.status < 500) keys.current.delete(id);
      return { item, ok: false, error };
    } finally {
      setDone((n) => n + 1);
    }
  };

  const approve = async (items: ItemView[]) => {
    setRunning(true);
    setDone(0);
    setResults(null);
    try {
      const outcome = await mapBounded(items, BULK_CONCURRENCY, approveOne);
      setResults(outcome);
      return outcome;
    } finally {
      setRunning(false);
    }
  };

  return { approve, running, done, results, clear: () => setResults(null) };
}
