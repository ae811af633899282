/**
 * Rows per page of the council's queue. Fifty fill two screens at 1280 px: a ward's 500 items drew
 * 500 rows at once (~2 s until usable, every Japanese font slice their names touch downloaded);
 * fifty are usable at once, and the selection is kept across pages and filters.
 */
export const QUEUE_PAGE_SIZE = 50;

/** The page `page` (1-based) of `rows`, and how many pages there are; a page past the end shows the last. */
export function pageOf<T>(rows: T[], page: number): { rows: T[]; page: number; pages: number; from: number } {
  const pages = Math.max(1, Math.ceil(rows.length / QUEUE_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const from = (current - 1) * QUEUE_PAGE_SIZE;
  return { rows: rows.slice(from, from + QUEUE_PAGE_SIZE), page: current, pages, from };
}
