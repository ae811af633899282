import { CsvError, parse } from 'csv-parse/sync';
import type { RawSheet } from './raw-sheet';
import { IMPORT_MAX_ROWS, tooManyRows } from './row-limit';
import { isBlank } from './raw-sheet';

export type CsvReadResult =
  { ok: true; sheet: RawSheet } | { ok: false; header: string[]; line: number; message: string };

/** Row numbers count records, as a spreadsheet opening the file shows them; blank lines are kept in the count. */
export function readCsv(text: string, source: string): CsvReadResult {
  try {
    // Stops after the header and one row past the limit: a huge file is refused without being read whole.
    const records: string[][] = parse(text, {
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
      to: IMPORT_MAX_ROWS + 2,
    });
    if (records.length > IMPORT_MAX_ROWS + 1) throw tooManyRows(source, IMPORT_MAX_ROWS + 1);
    const rows = records.map((cells, i) => ({ row: i + 1, cells })).filter(({ cells }) => !isBlank(cells));
    return { ok: true, sheet: { source, rows } };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return {
      ok: false,
      header: firstRecord(text),
      line: (error as CsvError & { lines?: number }).lines ?? 0,
      message: error.message,
    };
  }
}

/** The header alone, so a malformed file can still be named by its table. */
function firstRecord(text: string): string[] {
  try {
    return parse(text, { relax_column_count: true, bom: true, to_line: 1 })[0] ?? [];
  } catch {
    return [];
  }
}
