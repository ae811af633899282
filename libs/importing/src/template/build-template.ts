import { stringify } from 'csv-stringify/sync';
import type { DataValidation, Worksheet } from 'exceljs';
import { TABLE_COLUMNS } from '../format/columns';
import type { ColumnSpec } from '../format/columns';
import { TABLE_EXAMPLES } from '../format/examples';
import { IMPORT_TABLES, TABLE_NAMES_EN } from '../format/import-tables';
import type { ImportTable } from '../format/import-tables';
import { writeGuide } from './guide-sheet';

/** Rows that get the drop-down lists; enough for a ward's whole action plan. */
export const VALIDATED_ROWS = 2000;

/** The workbook wards fill in: 構成 / 取組 / 指標 with headers, one example each, drop-downs, and the 説明 sheet. */
export async function buildTemplateXlsx(): Promise<Buffer> {
  const { Workbook } = await import('exceljs'); // loaded on the first workbook, not at start (~25 MB)
  const workbook = new Workbook();
  workbook.creator = 'pdca-review';
  for (const table of IMPORT_TABLES)
    writeTableSheet(workbook.addWorksheet(table, { views: [{ state: 'frozen', ySplit: 1 }] }), table);
  writeGuide(workbook.addWorksheet('説明'));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeTableSheet(sheet: Worksheet, table: ImportTable): void {
  const columns = TABLE_COLUMNS[table] as readonly ColumnSpec[];
  // Text format everywhere: Excel would otherwise turn "(1)" into -1 and "2022" into a number.
  sheet.columns = columns.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.width,
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  TABLE_EXAMPLES[table].forEach((example) => sheet.addRow([...example]));
  columns.forEach((column, index) => {
    sheet.getCell(1, index + 1).note =
      `${column.requiredJa} / ${column.requiredEn}\n${column.descriptionJa}\n${column.descriptionEn}`;
    if (column.allowed) addList(sheet, index + 1, column.allowed);
  });
}

/**
 * One range per column: exceljs merges per-cell validations into overlapping ranges (it sorts
 * addresses as text, I10 before I2), which Excel repairs on open. Its range API is untyped.
 */
type WithRangeValidations = Worksheet & { dataValidations: { add(range: string, validation: DataValidation): void } };

function addList(sheet: Worksheet, column: number, allowed: readonly string[]): void {
  const letter = sheet.getColumn(column).letter;
  const validation: DataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: [`"${allowed.join(',')}"`],
    showErrorMessage: true,
    errorTitle: '入力できない値です / Not allowed',
    error: `${allowed.join(' / ')} から選んでください。Choose one of: ${allowed.join(', ')}`,
  };
  (sheet as WithRangeValidations).dataValidations.add(`${letter}2:${letter}${VALIDATED_ROWS}`, validation);
}

/** One table as CSV: UTF-8 with BOM (so Excel opens it as UTF-8), CRLF, header and example rows. */
export function buildTemplateCsv(table: ImportTable): Buffer {
  const header = (TABLE_COLUMNS[table] as readonly ColumnSpec[]).map((column) => column.header);
  const text = stringify([header, ...TABLE_EXAMPLES[table].map((row) => [...row])], { record_delimiter: '\r\n' });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/** Suggested download names: structure.csv, projects.csv, kpis.csv. */
export const templateCsvName = (table: ImportTable): string => `${TABLE_NAMES_EN[table]}.csv`;
