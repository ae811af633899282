/**
 * A machine-readable table (Digital Agency rules, digital-go-jp/machine_readability_rule): one table
 * per file or sheet, starting at its header row, one datum per cell, every column defined.
 */
export type ColumnType = 'integer' | 'number' | 'code' | 'text' | 'date';

export interface OpenDataColumn<Row> {
  /** Physical name, ASCII (L3-08): the JSON key and the definitions' column id. */
  id: string;
  /** The header printed in CSV and Excel (Japanese). */
  header: string;
  type: ColumnType;
  /** The unit of a numeric column whose unit is fixed (件, %); a column of varying units has a unit column beside it. */
  unit?: string;
  description: string;
  value: (row: Row) => string | number | undefined;
}

export interface OpenDataTable {
  /** File name without extension, also the sheet name. */
  name: string;
  title: string;
  columns: Array<Omit<OpenDataColumn<never>, 'value'>>;
  /** Values in column order; undefined is a blank cell (no value), never a zero. */
  rows: Array<Array<string | number | undefined>>;
}

export function openDataTable<Row>(
  name: string,
  title: string,
  columns: Array<OpenDataColumn<Row>>,
  rows: Row[],
): OpenDataTable {
  return {
    name,
    title,
    columns: columns.map(({ value: _value, ...column }) => column),
    rows: rows.map((row) => columns.map((column) => tidy(column.value(row)))),
  };
}

/**
 * One datum per cell, no layout: line breaks and runs of spaces inside text become one space and the
 * ends are trimmed (L1-06, L1-14); an empty text is a blank cell. JSON keeps the same value, so the
 * three formats never disagree.
 */
function tidy(value: string | number | undefined): string | number | undefined {
  if (typeof value !== 'string') return value;
  const text = value
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[ \u3000]{2,}/g, ' ')
    .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  return text === '' ? undefined : text;
}
