import { get, wardPath } from '../../api/client';

/** One event of an item's audit trail (`GET /wards/{w}/audit/{projects|kpis}/{id}`). */
export interface TrailEntry {
  fiscalYear: number;
  stream: string;
  revision: number;
  position: number;
  event: string;
  at: string;
  actor: string;
  role: string;
  correlationId: string;
  detail: Record<string, unknown>;
  hash?: string;
}

export const auditItemPath = (
  wardId: string,
  segment: 'projects' | 'kpis',
  itemId: string,
  fiscalYear: number,
  format?: 'csv' | 'json',
) =>
  wardPath(
    wardId,
    `/audit/${segment}/${encodeURIComponent(itemId)}?fiscalYear=${fiscalYear}${format ? `&format=${format}` : ''}`,
  );

export const auditYearPath = (wardId: string, fiscalYear: number, format?: 'csv' | 'json') =>
  wardPath(wardId, `/audit/cycles/${fiscalYear}${format ? `?format=${format}` : ''}`);

export async function loadTrail(
  wardId: string,
  segment: 'projects' | 'kpis',
  itemId: string,
  fiscalYear: number,
  signal: AbortSignal,
): Promise<TrailEntry[]> {
  return (await get<{ entries: TrailEntry[] }>(auditItemPath(wardId, segment, itemId, fiscalYear), signal)).entries;
}
