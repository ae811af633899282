import { TABLE_COLUMNS } from '../format/columns';
import type { ColumnSpec } from '../format/columns';
import type { ImportTable, RowOf } from '../format/import-tables';
import { rowError } from '../row-error';
import type { RowError } from '../row-error';
import type { RawSheet } from './raw-sheet';

export interface TypedTable<T extends ImportTable> {
  rows: RowOf<T>[];
  /** Headers (Japanese) of the columns present, so a missing column is reported once, not on every row. */
  columns: Set<string>;
  errors: RowError[];
}

/** How well a header row fits a table: the number of its headers that the table knows. */
export function headerScore(table: ImportTable, header: string[]): number {
  return header.filter((cell) => findColumn(table, cell.trim())).length;
}

export function typeRows<T extends ImportTable>(table: T, sheet: RawSheet): TypedTable<T> {
  const headerRow = sheet.rows.find((row) => row.row === 1);
  const { indexes, errors } = readHeader(table, headerRow?.cells ?? []);
  const rows = sheet.rows
    .filter((raw) => raw.row > 1)
    .map((raw) => {
      const row: Record<string, unknown> = { table, row: raw.row, source: sheet.source };
      for (const column of TABLE_COLUMNS[table] as readonly ColumnSpec[]) {
        const index = indexes.get(column.header);
        row[column.key as string] = index === undefined ? '' : (raw.cells[index] ?? '').trim();
      }
      return row as unknown as RowOf<T>;
    });
  return { rows, columns: new Set(indexes.keys()), errors };
}

function readHeader(table: ImportTable, header: string[]) {
  const indexes = new Map<string, number>();
  const errors: RowError[] = [];
  header.forEach((raw, index) => {
    const cell = raw.trim();
    if (!cell) return;
    const column = findColumn(table, cell);
    const at = { table, row: 1, column: cell, value: cell };
    if (!column) {
      errors.push(
        rowError(
          at,
          'COLUMN_UNKNOWN',
          `列「${cell}」はこの表の列ではありません（列名は完全一致で照合します）。`,
          `Column "${cell}" is not a column of this table (headers must match exactly).`,
        ),
      );
    } else if (indexes.has(column.header)) {
      errors.push(
        rowError(
          at,
          'COLUMN_DUPLICATE',
          `列「${column.header}」が重複しています。`,
          `Column "${column.header}" appears twice.`,
        ),
      );
    } else {
      indexes.set(column.header, index);
    }
  });
  for (const column of TABLE_COLUMNS[table] as readonly ColumnSpec[]) {
    if (indexes.has(column.header) || column.optionalColumn) continue;
    // String(): a column of any table has key type `never` (no field is common to all tables).
    errors.push(
      rowError(
        { table, row: 1, column: column.header },
        'COLUMN_MISSING',
        `列「${column.header}」がありません。`,
        `Column "${column.header}" (${String(column.key)}) is missing.`,
      ),
    );
  }
  return { indexes, errors };
}

function findColumn(table: ImportTable, header: string): ColumnSpec | undefined {
  return (TABLE_COLUMNS[table] as readonly ColumnSpec[]).find(
    (column) => column.header === header || column.key === header,
  );
}
