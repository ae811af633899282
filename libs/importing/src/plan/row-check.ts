import { headerOf, TABLE_COLUMNS } from '../format/columns';
import type { ColumnSpec } from '../format/columns';
import type { FieldOf, ImportTable, RowOf } from '../format/import-tables';
import { rowError } from '../row-error';
import type { PlanContext } from './context';
import { ID_PATTERN, normalizeId } from './cells';

export type RowCheck<T extends ImportTable> = ReturnType<typeof checkRow<T>>;

/** Collects every problem of one row; `ok` stays true only if there was none. */
export function checkRow<T extends ImportTable>(ctx: PlanContext, row: RowOf<T>) {
  let ok = true;
  const value = (key: FieldOf<T>) => String(row[key as keyof RowOf<T>] ?? '');
  // A cell of a required column that the file lacks: reported once, on the header (COLUMN_MISSING).
  const missing = (key: FieldOf<T>) => {
    const column = (TABLE_COLUMNS[row.table] as readonly ColumnSpec[]).find((c) => c.key === key);
    return !column?.optionalColumn && !ctx.columns[row.table]?.includes(headerOf(row.table, key));
  };
  const fail = (key: FieldOf<T>, code: string, ja: string, en: string) => {
    ok = false;
    if (missing(key)) return;
    ctx.errors.push(
      rowError({ table: row.table, row: row.row, column: headerOf(row.table, key), value: value(key) }, code, ja, en),
    );
  };
  const check = {
    get ok() {
      return ok;
    },
    value,
    fail,
    /** The row cannot be used, but the cause is reported elsewhere (e.g. a failed plan row). */
    skip: () => void (ok = false),
    required(key: FieldOf<T>): boolean {
      if (value(key) !== '') return true;
      const header = headerOf(row.table, key);
      fail(key, 'CELL_REQUIRED', `${header}を入力してください。`, `${header} (${String(key)}) is required.`);
      return false;
    },
    /** A required id in ASCII; returns it normalised, '' when missing or invalid. */
    id(key: FieldOf<T>): string {
      if (!check.required(key)) return '';
      const id = normalizeId(value(key));
      if (ID_PATTERN.test(id)) return id;
      fail(
        key,
        'ID_INVALID',
        `${headerOf(row.table, key)}は空白を含まない半角英数字・記号 40 文字以内で入力してください。`,
        `${String(key)} must be at most 40 ASCII characters without spaces.`,
      );
      return '';
    },
  };
  return check;
}

/** Flags every row after the first with the same id. */
export function duplicateRows<R extends { row: number }>(rows: R[], idOf: (row: R) => string): Set<number> {
  const seen = new Set<string>();
  const duplicates = new Set<number>();
  for (const row of rows) {
    const id = idOf(row);
    if (id && seen.has(id)) duplicates.add(row.row);
    seen.add(id);
  }
  return duplicates;
}
