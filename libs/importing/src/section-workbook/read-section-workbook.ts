import { DomainError, invalid } from '@pdca/kernel';
import type { Scheme } from '@pdca/review';
import { decodeText } from '../read/decode-text';
import type { TextEncoding } from '../read/decode-text';
import type { RawSheet } from '../read/raw-sheet';
import { readCsv } from '../read/read-csv';
import { readXlsx } from '../read/read-xlsx';
import { rowError } from '../row-error';
import type { RowError } from '../row-error';
import type { Cells } from './workbook-cells';
import { SHEET_NAMES_EN, WORKBOOK_COLUMNS, WORKBOOK_SHEETS } from './workbook-columns';
import type { CellKey, WorkbookSheet } from './workbook-columns';

/** A section has tens of items, a ward a few hundred: more rows than this is the wrong file. */
export const MAX_WORKBOOK_ROWS = 1_000;

export interface WorkbookFile {
  name: string;
  data: Uint8Array;
}

/** One data row as uploaded: its item id and the editable cells (context columns are not read). */
export interface WorkbookRow {
  sheet: WorkbookSheet;
  /** 1-based, as the sheet shows it: the header is row 1. */
  row: number;
  itemId: string;
  cells: Cells;
}

export interface ReadWorkbook {
  format: 'xlsx' | 'csv';
  encoding?: TextEncoding;
  rows: WorkbookRow[];
  /** Problems of the file itself: missing columns, malformed CSV. */
  errors: RowError[];
}

/** The section's workbook as downloaded (sheets 取組 / 指標), or one of its sheets saved as CSV. */
export async function readSectionWorkbook(file: WorkbookFile, scheme: Scheme): Promise<ReadWorkbook> {
  const read = await naming('file', async () => (isXlsx(file) ? readSheets(file) : readCsvSheet(file)));
  const result: ReadWorkbook = { format: read.format, encoding: read.encoding, rows: [], errors: [...read.errors] };
  for (const { sheet, raw } of read.sheets) addSheet(result, sheet, raw, scheme);
  if (result.rows.length > MAX_WORKBOOK_ROWS) {
    throw invalid(
      'WORKBOOK_TOO_MANY_ROWS',
      `行数が多すぎます（${MAX_WORKBOOK_ROWS}行まで）。課の取組・指標のファイルを選んでください。`,
      `Too many rows (at most ${MAX_WORKBOOK_ROWS}); upload the section's own workbook.`,
      { field: 'file', rows: result.rows.length },
    );
  }
  return result;
}

type Sheets = {
  format: 'xlsx' | 'csv';
  encoding?: TextEncoding;
  sheets: { sheet: WorkbookSheet; raw: RawSheet }[];
  errors: RowError[];
};

const isXlsx = (file: WorkbookFile) =>
  /\.xlsx$/i.test(file.name) || (!/\.csv$/i.test(file.name) && file.data[0] === 0x50 && file.data[1] === 0x4b);

async function readSheets(file: WorkbookFile): Promise<Sheets> {
  const sheets = await readXlsx(file.data, file.name);
  const found = WORKBOOK_SHEETS.flatMap((sheet) => {
    const raw =
      sheets.get(sheet) ?? [...sheets.entries()].find(([name]) => name.toLowerCase() === SHEET_NAMES_EN[sheet])?.[1];
    return raw ? [{ sheet, raw }] : [];
  });
  if (found.length === 0) throw unrecognised(file.name);
  return { format: 'xlsx', sheets: found, errors: [] };
}

function readCsvSheet(file: WorkbookFile): Sheets {
  const { text, encoding } = decodeText(file.data);
  const read = readCsv(text, file.name);
  const header = read.ok ? (read.sheet.rows.find((row) => row.row === 1)?.cells ?? []) : read.header;
  const sheet = WORKBOOK_SHEETS.find((name) =>
    header.some((cell) => cell.trim() === WORKBOOK_COLUMNS.nerima[name][0].header),
  );
  if (!sheet) throw unrecognised(file.name);
  if (read.ok) return { format: 'csv', encoding, sheets: [{ sheet, raw: read.sheet }], errors: [] };
  const error = rowError(
    { table: sheet, row: read.line, column: '' },
    'CSV_MALFORMED',
    `CSV の形式が正しくありません（${read.line}行目付近）: ${read.message}`,
    `Malformed CSV near row ${read.line}: ${read.message}`,
  );
  return { format: 'csv', encoding, sheets: [], errors: [error] };
}

function addSheet(result: ReadWorkbook, sheet: WorkbookSheet, raw: RawSheet, scheme: Scheme): void {
  const columns = WORKBOOK_COLUMNS[scheme][sheet].filter((column) => column.editable || column.key === 'itemId');
  const header = raw.rows.find((row) => row.row === 1)?.cells.map((cell) => cell.trim()) ?? [];
  const indexes = new Map<CellKey, number>();
  for (const column of columns) {
    const index = header.findIndex((cell) => cell === column.header || cell === column.key);
    if (index >= 0) indexes.set(column.key, index);
    else
      result.errors.push(
        rowError(
          { table: sheet, row: 1, column: column.header },
          'COLUMN_MISSING',
          `列「${column.header}」がありません（見出し行は変えないでください）。`,
          `Column "${column.header}" is missing (keep the header row as downloaded).`,
        ),
      );
  }
  if (!indexes.has('itemId')) return;
  for (const { row, cells } of raw.rows) {
    if (row === 1) continue;
    const read: Cells = {};
    for (const [key, index] of indexes) read[key] = (cells[index] ?? '').trim();
    result.rows.push({ sheet, row, itemId: (read.itemId ?? '').normalize('NFKC'), cells: read });
  }
}

/** The import's readers name their own upload field ("files"); this upload has one field to point at. */
async function naming<T>(field: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof DomainError)
      throw new DomainError(error.code, error.kind, error.messageJa, error.messageEn, { ...error.details, field });
    throw error;
  }
}

const unrecognised = (name: string) =>
  invalid(
    'WORKBOOK_UNRECOGNISED',
    `「${name}」に 取組・指標 のシート（または見出し行）がありません。ダウンロードした課のファイルを選んでください。`,
    `${name} has neither a 取組 nor a 指標 sheet (or header row); upload the section's workbook.`,
    { field: 'file', file: name },
  );
