/**
 * A report table independent of its output format, so the HTML page, the PDF and the workbook
 * print the same rows under the same headers.
 */

/** A share, printed "5%" but kept as a number so a spreadsheet can compute with it. */
export interface Percent {
  percent: number;
}

export type Cell = string | number | Percent;

export interface Column {
  header: string;
  /** Relative width: characters in a spreadsheet, a proportion of the page in the PDF. */
  width: number;
  numeric?: boolean;
}

/**
 * body: an ordinary row. group: a heading row spanning the table (the action plan's numbered
 * sections). repost: a 再掲 row. breakdown: B の内訳 under the B row. total: 合計.
 */
export type RowKind = 'body' | 'group' | 'repost' | 'breakdown' | 'total';

export interface Row {
  kind: RowKind;
  /** The first cell heads the row; it spans `headerSpan` columns (group rows span them all). */
  cells: Cell[];
  headerSpan?: number;
  /**
   * The row header says the same as the one above (内訳 under B): printed once, as the ward does. The
   * HTML keeps it for screen readers (visually hidden); the PDF leaves the cell blank.
   */
  headerAsAbove?: boolean;
  /** The summary key (as in summaryCounts) this row's numbers count: where their provenance link points. */
  cellKey?: string;
}

export interface Table {
  id: string;
  caption: string;
  columns: Column[];
  rows: Row[];
}

export const isPercent = (cell: Cell): cell is Percent => typeof cell === 'object';

export function cellText(cell: Cell): string {
  if (isPercent(cell)) return `${cell.percent}%`;
  // Counts, revisions and positions print plainly: a revision is an identifier, not an amount.
  return typeof cell === 'number' ? String(cell) : cell;
}

export const spanOf = (row: Row, columnCount: number) => (row.kind === 'group' ? columnCount : (row.headerSpan ?? 1));
