import { safeCsvCell } from '@pdca/reporting';

/** A column: its Japanese header and how to read the cell from a row. */
export type CsvColumn<T> = [header: string, read: (row: T) => string | number | null | undefined];

// RFC 4180 quoting of every cell; with a BOM so Excel opens the Japanese correctly. Cells that would
// run as a formula are neutralised first (the same rule as the report CSVs).
const cell = (value: string | number | null | undefined) => `"${String(safeCsvCell(value)).replace(/"/g, '""')}"`;

/** CSV as wards open it: Excel on Windows, so UTF-8 with a BOM and CRLF line ends. */
export function excelCsv<T>(columns: CsvColumn<T>[], rows: T[]): string {
  const lines = [
    columns.map(([header]) => cell(header)).join(','),
    ...rows.map((row) => columns.map(([, read]) => cell(read(row))).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
