import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { OpenDataTable } from '@pdca/reporting';

/**
 * The rules of digital-go-jp/machine_readability_rule (machine-readability-rules.csv) that a program
 * can check, applied to the open-data files. Returns the violations by rule id; an empty list passes.
 * Not checkable by a program, and so left to review: L1-05's "meaning can be guessed" (we check that
 * every column has a header and a definition), L2-04's wording of free text, L3-07 across years
 * (checked as: the columns do not depend on the data).
 */
export type Violations = Record<string, string[]>;

// Platform-dependent characters (L1-08): circled numbers, Roman numerals, enclosed/compatibility forms, 〜 ～ ㋿.
const PLATFORM_DEPENDENT =
  /[\u2460-\u2473\u3251-\u325F\u32B1-\u32BF\u2160-\u217F\u3220-\u3243\u3280-\u33FF\uFE30-\uFE4F\u301C\uFF5E]/u;
const ASCII_CODE = /^[A-Za-z0-9_.:+\-/]*$/;
const YEAR_IN_HEADER = /(19|20)\d{2}|令和|平成|R\d|H\d/;
const NUMBER_WITH_TEXT = /^[-+]?\d[\d,]*(\.\d+)?\s*\D+$|^\D+\s*\d/;
/** A JSON cell as the CSV writes it: strings and numbers as they are, null or absent as empty. */
const jsonText = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : value == null
        ? ''
        : JSON.stringify(value);

export interface OpenDataFiles {
  tables: OpenDataTable[];
  csv: Record<string, string>;
  json: Record<string, { columns: Array<{ id: string }>; rows: Array<Record<string, unknown>> }>;
  xlsx: Buffer;
}

/** `blankInTheData`: columns the given data leaves blank on every row (e.g. seed 004 prints no item titles), not spacers. */
export async function checkMachineReadability(
  files: OpenDataFiles,
  blankInTheData: string[] = [],
): Promise<Violations> {
  const v: Violations = {};
  const add = (rule: string, message: string) => (v[rule] ??= []).push(message);
  const definitions = files.tables.find((t) => t.name === 'definitions');
  const defined = new Set(definitions ? definitions.rows.map((r) => `${r[0]}/${r[3]}`) : []);

  for (const table of files.tables) {
    const name = table.name;
    const csv = files.csv[name];
    // L1-01: machine-readable formats exist for every table.
    if (csv === undefined || files.json[name] === undefined) add('L1-01', `${name}: CSV or JSON missing`);
    if (csv === undefined) continue;
    // L1-14 / L3-01 / L1-02 / L1-04: header line first, then one physical line per record, nothing else.
    if (!csv.startsWith('\uFEFF')) add('L3-08', `${name}: CSV without the BOM the definitions state`);
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    if (lines[lines.length - 1] === '') lines.pop();
    if (lines.length !== table.rows.length + 1)
      add('L1-14', `${name}: ${lines.length} lines for ${table.rows.length} records and a header`);
    const records: string[][] = parse(csv, { bom: true, relax_column_count: true });
    const header = records[0];
    if (header.join('\u0000') !== table.columns.map((c) => c.header).join('\u0000'))
      add('L3-01', `${name}: the first row is not the header row`);
    if (records.some((r) => r.length !== header.length))
      add('L1-02', `${name}: rows of different widths (more than one table?)`);
    // L1-05 / L2-03: every column has a unique header and a definition with an ASCII physical name (L3-08).
    if (header.some((h) => !h.trim())) add('L1-05', `${name}: a column without a header`);
    if (new Set(header).size !== header.length) add('L2-03', `${name}: duplicated headers`);
    for (const column of table.columns) {
      if (!/^[a-z][a-z0-9_]*$/.test(column.id)) add('L3-08', `${name}.${column.id}: physical name not alphanumeric`);
      if (!defined.has(`${name}/${column.id}`)) add('L3-08', `${name}.${column.id}: not in the definitions`);
      if (YEAR_IN_HEADER.test(column.header))
        add('L3-09', `${name}: a year in the header "${column.header}" (wide format)`);
      if (PLATFORM_DEPENDENT.test(column.header))
        add('L1-08', `${name}: platform-dependent character in the header "${column.header}"`);
    }
    const body = records.slice(1);
    // L1-03: no empty column (data split by spacer columns) and no empty row.
    table.columns.forEach((column, i) => {
      if (
        body.length > 0 &&
        body.every((r) => r[i] === '') &&
        !['unit', 'reason', 'local_government_code', ...blankInTheData].includes(column.id)
      )
        add('L1-03', `${name}.${column.id}: empty column`);
    });
    if (body.some((r) => r.every((cell) => cell === ''))) add('L1-03', `${name}: empty row`);
    table.columns.forEach((column, i) => {
      for (const [n, record] of body.entries()) {
        const cell = record[i] ?? '';
        const where = `${name} row ${n + 2} ${column.id} "${cell}"`;
        // L1-06: no spaces or line breaks for layout.
        if (/^[\s\u3000]|[\s\u3000]$|[\r\n]|[ \u3000]{2}/.test(cell)) add('L1-06', where);
        // L1-15: the parsed value equals the JSON value: commas and quotes were quoted properly.
        const json = files.json[name]?.rows[n]?.[column.id];
        if (jsonText(json) !== cell.replace(/^'(?=[=+\-@])/, '')) add('L1-15', `${where} ≠ JSON ${jsonText(json)}`);
        if (column.type === 'integer' || column.type === 'number') {
          // L2-01 / L3-03 / L1-09: numbers are numbers (no units, commas or symbols); blank means no value, zero is 0.
          if (cell !== '' && !/^-?\d+(\.\d+)?$/.test(cell)) add('L2-01', where);
          if (column.type === 'integer' && cell !== '' && !/^-?\d+$/.test(cell))
            add('L2-01', `${where}: not an integer`);
          if (json !== null && json !== undefined && typeof json !== 'number')
            add('L2-01', `${where}: JSON not a number`);
        }
        if (column.type === 'code') {
          // L1-08 / L1-07: codes are plain ASCII, one value per cell.
          if (!ASCII_CODE.test(cell)) add('L1-08', where);
        }
        if (column.type === 'text' && NUMBER_WITH_TEXT.test(cell) && /^(value|count|share)$/.test(column.id))
          add('L2-01', where);
      }
    });
    // L3-04: every numeric column states its unit, in its definition or in a unit column beside it.
    for (const column of table.columns.filter((c) => c.type === 'number' || c.type === 'integer')) {
      const hasUnitColumn = table.columns.some((c) => c.id === 'unit');
      const countLike = /count|share|value/.test(column.id);
      if (countLike && !column.unit && !hasUnitColumn) add('L3-04', `${name}.${column.id}: no unit`);
    }
    // L3-05: a 和暦 column comes with the Western year.
    if (
      table.columns.some((c) => c.id.endsWith('_wareki')) &&
      !table.columns.some((c) => c.id === 'fiscal_year' || c.id === 'published_on')
    )
      add('L3-05', `${name}: 和暦 without the Western year`);
  }
  // L2-04 / L3-02: every code in a code column is in the code table (code lists named by the column).
  const codes = files.tables.find((t) => t.name === 'codes');
  if (!codes) add('L3-02', 'no code table');
  else {
    const known = new Set(codes.rows.map((r) => `${r[0]}/${r[1]}`));
    const listOf: Record<string, string> = {
      rating_code: 'rating',
      b_reason_code: 'b_reason',
      pillar_code: 'pillar',
      plan_code: 'plan',
      kpi_kind_code: 'kpi_kind',
      measure_code: 'measure',
      repost: 'flag',
    };
    for (const table of files.tables) {
      table.columns.forEach((column, i) => {
        const list = listOf[column.id];
        for (const row of list ? table.rows : []) {
          if (row[i] !== undefined && !known.has(`${list}/${row[i]}`))
            add('L3-02', `${table.name}.${column.id}: ${row[i]} not in code list ${list}`);
        }
      });
      const listColumn = table.columns.findIndex((c) => c.id === 'code_list');
      const codeColumn = table.columns.findIndex((c) => c.id === 'category_code');
      if (listColumn >= 0 && codeColumn >= 0)
        for (const row of table.rows)
          if (!known.has(`${row[listColumn]}/${row[codeColumn]}`))
            add('L3-02', `${table.name}: ${row[listColumn]}/${row[codeColumn]} not in the code table`);
    }
  }
  // L3-08: the dataset states its encoding and BOM, and the update history is there.
  const dataset = files.tables.find((t) => t.name === 'dataset');
  if (!dataset?.rows.some((r) => r[0] === 'encoding' && /UTF-8/.test(String(r[2])) && /BOM/.test(String(r[2]))))
    add('L3-08', 'encoding and BOM not stated');
  if (!files.tables.some((t) => t.name === 'history' && t.rows.length > 0)) add('L3-08', 'no update history');
  // L3-06: the ward's official local government code.
  if (!dataset?.rows.some((r) => r[0] === 'local_government_code' && /^\d{6}$/.test(String(r[2]))))
    add('L3-06', 'no local government code');
  await checkWorkbook(files, add);
  return v;
}

async function checkWorkbook(files: OpenDataFiles, add: (rule: string, message: string) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(files.xlsx as never);
  const names = workbook.worksheets.map((s) => s.name);
  if (names.join() !== files.tables.map((t) => t.name).join())
    add('L1-02', `sheets ${names.join()} are not one per table`);
  for (const sheet of workbook.worksheets) {
    const table = files.tables.find((t) => t.name === sheet.name);
    if (!table) continue;
    // L1-12 merged cells, L1-10 objects, L1-13 hidden rows/columns, L2-06 formulas, L1-11 formatting with meaning.
    if (Object.keys((sheet as unknown as { _merges: object })._merges).length > 0)
      add('L1-12', `${sheet.name}: merged cells`);
    if (sheet.getImages().length > 0) add('L1-10', `${sheet.name}: images`);
    if (sheet.columns?.some((c) => c.hidden)) add('L1-13', `${sheet.name}: hidden columns`);
    // L1-04 / L3-01: the used range is exactly the header and the rows.
    if (sheet.rowCount !== table.rows.length + 1 || sheet.columnCount !== table.columns.length)
      add(
        'L1-04',
        `${sheet.name}: ${sheet.rowCount}×${sheet.columnCount} used for ${table.rows.length + 1}×${table.columns.length}`,
      );
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      if (row.hidden) add('L1-13', `${sheet.name}: row ${number} hidden`);
      row.eachCell((cell, col) => {
        if (cell.formula || cell.type === ExcelJS.ValueType.Formula)
          add('L2-06', `${sheet.name}!${cell.address}: formula`);
        if ((cell.fill as { fgColor?: unknown } | undefined)?.fgColor)
          add('L1-11', `${sheet.name}!${cell.address}: fill`);
        const column = table.columns[col - 1];
        if (number === 1) {
          if (cell.value !== column?.header) add('L3-01', `${sheet.name}!${cell.address}: not the header`);
          return;
        }
        if ((column?.type === 'integer' || column?.type === 'number') && typeof cell.value !== 'number')
          add('L2-01', `${sheet.name}!${cell.address}: ${cell.text} is not a number cell`);
        const expected = table.rows[number - 2]?.[col - 1];
        if (cell.value !== (expected ?? null))
          add('L1-07', `${sheet.name}!${cell.address}: ${cell.text} ≠ ${String(expected)}`);
      });
    });
  }
}
