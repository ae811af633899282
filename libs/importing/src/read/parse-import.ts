import { invalid } from '@pdca/kernel';
import { IMPORT_TABLES, TABLE_NAMES_EN } from '../format/import-tables';
import type { ImportTable, KpiRow, ProjectRow, StructureRow } from '../format/import-tables';
import { rowError } from '../row-error';
import type { RowError } from '../row-error';
import { decodeText } from './decode-text';
import type { TextEncoding } from './decode-text';
import type { RawSheet } from './raw-sheet';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import { IMPORT_MAX_ROWS, tooManyRows } from './row-limit';
import { headerScore, typeRows } from './type-rows';

export interface ImportFile {
  name: string;
  data: Uint8Array;
}

export interface ParsedFile {
  name: string;
  format: 'csv' | 'xlsx';
  encoding?: TextEncoding;
  tables: ImportTable[];
}

export interface ParsedImport {
  files: ParsedFile[];
  structure: StructureRow[];
  projects: ProjectRow[];
  kpis: KpiRow[];
  /** Per table, the headers (Japanese) present; a table that was not supplied is absent. */
  columns: Partial<Record<ImportTable, string[]>>;
  /** Problems of the files themselves: unknown or missing columns, malformed CSV, a table given twice. */
  errors: RowError[];
}

/**
 * Three CSV files (any order and names: each is recognised by its header row) or one workbook
 * with sheets 構成 / 取組 / 指標 (or structure / projects / kpis). Other sheets, such as the
 * template's 説明, are ignored. Throws only when a file cannot be read as any table at all.
 */
export async function parseImport(files: ImportFile[]): Promise<ParsedImport> {
  if (files.length === 0) throw invalid('IMPORT_NO_FILES', 'ファイルが選択されていません。', 'No file was given.');
  const parsed: ParsedImport = { files: [], structure: [], projects: [], kpis: [], columns: {}, errors: [] };
  for (const file of files) {
    if (isXlsx(file)) await addWorkbook(parsed, file);
    else addCsv(parsed, file);
  }
  const rows = parsed.structure.length + parsed.projects.length + parsed.kpis.length;
  if (rows > IMPORT_MAX_ROWS) throw tooManyRows(files.map((f) => f.name).join(', '), rows);
  return parsed;
}

const isXlsx = (file: ImportFile) =>
  /\.xlsx$/i.test(file.name) || (!/\.csv$/i.test(file.name) && file.data[0] === 0x50 && file.data[1] === 0x4b);

async function addWorkbook(parsed: ParsedImport, file: ImportFile): Promise<void> {
  const sheets = await readXlsx(file.data, file.name);
  const found = IMPORT_TABLES.flatMap((table) => {
    const sheet =
      sheets.get(table) ?? [...sheets.entries()].find(([name]) => name.toLowerCase() === TABLE_NAMES_EN[table])?.[1];
    return sheet ? [{ table, sheet }] : [];
  });
  if (found.length === 0) {
    throw invalid(
      'IMPORT_FILE_UNRECOGNISED',
      `「${file.name}」に 構成・取組・指標 のシートがありません。`,
      `${file.name} has none of the sheets 構成, 取組, 指標.`,
      { file: file.name },
    );
  }
  found.forEach(({ table, sheet }) => addTable(parsed, table, sheet));
  parsed.files.push({ name: file.name, format: 'xlsx', tables: found.map(({ table }) => table) });
}

function addCsv(parsed: ParsedImport, file: ImportFile): void {
  const { text, encoding } = decodeText(file.data);
  const read = readCsv(text, file.name);
  const header = read.ok ? (read.sheet.rows.find((row) => row.row === 1)?.cells ?? []) : read.header;
  const table = tableOfHeader(header);
  if (!table) {
    throw invalid(
      'IMPORT_FILE_UNRECOGNISED',
      `「${file.name}」の見出し行が 構成・取組・指標 のいずれの表にも一致しません。`,
      `The header row of ${file.name} matches none of the tables 構成, 取組, 指標.`,
      { file: file.name },
    );
  }
  parsed.files.push({ name: file.name, format: 'csv', encoding, tables: [table] });
  if (read.ok) return addTable(parsed, table, read.sheet);
  parsed.columns[table] ??= [];
  parsed.errors.push(
    rowError(
      { table, row: read.line, column: '' },
      'CSV_MALFORMED',
      `CSV の形式が正しくありません（${read.line}行目付近）: ${read.message}`,
      `Malformed CSV near row ${read.line}: ${read.message}`,
    ),
  );
}

function tableOfHeader(header: string[]): ImportTable | undefined {
  const scored = IMPORT_TABLES.map((table) => ({ table, score: headerScore(table, header) })).sort(
    (a, b) => b.score - a.score,
  );
  return scored[0].score > 0 ? scored[0].table : undefined;
}

function addTable(parsed: ParsedImport, table: ImportTable, sheet: RawSheet): void {
  if (parsed.columns[table]) {
    parsed.errors.push(
      rowError(
        { table, row: 0, column: '', value: sheet.source },
        'TABLE_DUPLICATE',
        `表「${table}」が複数のファイルにあります（${sheet.source} は読み込みません）。`,
        `Table ${table} (${TABLE_NAMES_EN[table]}) was given more than once; ${sheet.source} is ignored.`,
      ),
    );
    return;
  }
  const typed = typeRows(table, sheet);
  parsed.columns[table] = [...typed.columns];
  parsed.errors.push(...typed.errors);
  if (table === '構成') parsed.structure = typed.rows as StructureRow[];
  if (table === '取組') parsed.projects = typed.rows as ProjectRow[];
  if (table === '指標') parsed.kpis = typed.rows as KpiRow[];
}
