import { stringify } from 'csv-stringify/sync';
import type { FlatColumn } from '../open-data/flat-columns';
import { safeCsvCell } from './csv-cell';

/**
 * RFC 4180 (CRLF, quotes only where needed) with a UTF-8 BOM, which Excel needs to read Japanese
 * text as UTF-8 rather than Shift_JIS. Quoting is left to csv-stringify; cells that a spreadsheet
 * would run as a formula are neutralised (safeCsvCell).
 */
export function csvDocument<Row>(columns: Array<FlatColumn<Row>>, rows: Row[]): string {
  const records = rows.map((row) => columns.map((column) => safeCsvCell(column.value(row))));
  return stringify([columns.map((column) => safeCsvCell(column.header)), ...records], {
    bom: true,
    record_delimiter: 'windows',
  });
}
