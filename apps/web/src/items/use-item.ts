import { api, get, wardPath } from '../api/client';
import type { ItemView } from '../api/types';
import { useQuery } from '../api/use-query';
import { itemApiPath } from './paths';

export interface LoadedItem {
  view: ItemView;
  /** The ETag to send back as If-Match. */
  etag?: string;
}

export async function loadItem(
  wardId: string,
  fy: number,
  kind: ItemView['kind'],
  itemId: string,
  signal?: AbortSignal,
): Promise<LoadedItem> {
  const response = await api<ItemView>(wardPath(wardId, itemApiPath(fy, kind, itemId)), { signal });
  return { view: response.data, etag: response.etag };
}

export function useItem(wardId: string, fy: number, kind: ItemView['kind'], itemId: string) {
  return useQuery(`item:${wardId}:${fy}:${kind}:${itemId}`, (signal) => loadItem(wardId, fy, kind, itemId, signal));
}

export interface HistoryEntry {
  revision: number;
  event: string;
  at: string;
  actor: string;
  role: string;
  detail: Record<string, unknown>;
}

export function useHistory(wardId: string, fy: number, kind: ItemView['kind'], itemId: string, generation: number) {
  return useQuery(`history:${wardId}:${fy}:${kind}:${itemId}:${generation}`, (signal) =>
    get<{ history: HistoryEntry[] }>(wardPath(wardId, itemApiPath(fy, kind, itemId, '/history')), signal).then(
      (r) => r.history,
    ),
  );
}

export interface YearOfItem {
  fiscalYear: number;
  published?: { version: number; row: { actual?: string; rating?: unknown } };
  current?: { actual?: string; rating?: unknown };
}

/** The item across fiscal years (last year's actual beside this year's form). */
export function useYears(wardId: string, kind: ItemView['kind'], itemId: string) {
  return useQuery(`years:${wardId}:${kind}:${itemId}`, (signal) =>
    get<YearOfItem[]>(
      wardPath(wardId, `/${kind === 'project' ? 'projects' : 'kpis'}/${encodeURIComponent(itemId)}/years`),
      signal,
    ).catch(() => [] as YearOfItem[]),
  );
}

/** The latest return comments, even after the section started a new draft over them. */
export function latestReturnComments(
  history: HistoryEntry[] | undefined,
): { comments: string; at: string; actor: string } | undefined {
  const returned = [...(history ?? [])].reverse().find((entry) => entry.event === 'SubmissionReturned');
  if (!returned) return undefined;
  const resubmitted = history!.some((entry) => entry.revision > returned.revision && entry.event === 'ActualSubmitted');
  if (resubmitted) return undefined;
  return {
    comments: typeof returned.detail.comments === 'string' ? returned.detail.comments : '',
    at: returned.at,
    actor: returned.actor,
  };
}
