import type { ImportTable } from './format/import-tables';

/**
 * One problem of one cell. `row` is 1-based as the file shows it (header = 1); a problem of a
 * whole table (e.g. a duplicated table) has row 0 and an empty column.
 */
export interface RowError {
  table: ImportTable;
  row: number;
  column: string;
  value?: string;
  code: string;
  messageJa: string;
  messageEn: string;
}

export interface CellRef {
  table: ImportTable;
  row: number;
  column: string;
  value?: string;
}

export function rowError(at: CellRef, code: string, messageJa: string, messageEn: string): RowError {
  const { table, row, column, value } = at;
  return value
    ? { table, row, column, value, code, messageJa, messageEn }
    : { table, row, column, code, messageJa, messageEn };
}

export const byPosition = (a: RowError, b: RowError): number =>
  tableOrder(a.table) - tableOrder(b.table) || a.row - b.row;

const tableOrder = (table: ImportTable) => ['構成', '取組', '指標'].indexOf(table);
