import type { ItemView } from '../api/types';

/** Web and API addresses of one item of a cycle. */
export const itemSegment = (kind: ItemView['kind']) => (kind === 'project' ? 'projects' : 'kpis');
export const sectionFormPath = (fy: number, item: Pick<ItemView, 'kind' | 'itemId'>) =>
  `/cycles/${fy}/${itemSegment(item.kind)}/${encodeURIComponent(item.itemId)}`;
export const councilReviewPath = (fy: number, item: Pick<ItemView, 'kind' | 'itemId'>) =>
  `/cycles/${fy}/council/${itemSegment(item.kind)}/${encodeURIComponent(item.itemId)}`;
export const itemApiPath = (fy: number, kind: ItemView['kind'], itemId: string, rest = '') =>
  `/cycles/${fy}/${itemSegment(kind)}/${encodeURIComponent(itemId)}${rest}`;
