import type { ImportTable } from './format/import-tables';
import type { RowError } from './row-error';

/** Errors listed one by one in an answer; the rest are counted per column. */
export const LISTED_ERRORS = 200;
/** Rows named per column and code in the summary. */
export const ROWS_PER_COLUMN = 20;

export interface ColumnErrors {
  table: ImportTable;
  column: string;
  code: string;
  count: number;
  /** The first rows with this error, in order. */
  rows: number[];
  messageJa: string;
  messageEn: string;
}

export interface RowErrorSummary {
  errorCount: number;
  /** The first LISTED_ERRORS errors in table and row order. */
  errors: RowError[];
  /** Every error counted per table, column and code, with the first rows named: a file that is wrong on every row still gets a short answer. */
  errorsByColumn: ColumnErrors[];
}

export function summariseErrors(errors: readonly RowError[]): RowErrorSummary {
  const byColumn = new Map<string, ColumnErrors>();
  for (const error of errors) {
    const key = `${error.table}\u0000${error.column}\u0000${error.code}`;
    let entry = byColumn.get(key);
    if (!entry) {
      entry = {
        table: error.table,
        column: error.column,
        code: error.code,
        count: 0,
        rows: [],
        messageJa: error.messageJa,
        messageEn: error.messageEn,
      };
      byColumn.set(key, entry);
    }
    entry.count++;
    if (entry.rows.length < ROWS_PER_COLUMN) entry.rows.push(error.row);
  }
  return { errorCount: errors.length, errors: errors.slice(0, LISTED_ERRORS), errorsByColumn: [...byColumn.values()] };
}
