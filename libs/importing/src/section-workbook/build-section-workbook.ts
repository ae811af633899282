import type { DataValidation, Workbook, Worksheet } from 'exceljs';
import type { ReasonCategory, Scheme } from '@pdca/review';
import { withFixedZipDates } from '@pdca/kernel';
import type { Cells } from './workbook-cells';
import { WORKBOOK_COLUMNS, WORKBOOK_SHEETS } from './workbook-columns';
import type { WorkbookColumn, WorkbookSheet } from './workbook-columns';
import { writeWorkbookGuide } from './workbook-guide';

export interface SectionWorkbookData {
  wardId: string;
  fiscalYear: number;
  scheme: Scheme;
  sectionId: string;
  sectionName: string;
  bReasons: readonly ReasonCategory[];
  /** Every cell of every row (context and current values), per sheet, in catalogue order. */
  rows: Record<WorkbookSheet, Cells[]>;
}

/** A fixed date in the file's properties (and its zip entries): the same data gives the same bytes. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const;
/** Editable cells are tinted as well as unlocked; the header note and 説明 say it in words. */
const EDITABLE_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } as const;
/** Excel refuses an inline list longer than 255 characters. */
const MAX_INLINE_LIST = 255;

/**
 * The section's items of one cycle as a workbook: 取組 and 指標 (one table each, no merged
 * cells, text cells), with the editable cells unlocked, drop-downs for the rating, and a 説明
 * sheet. Sheets are protected without a password: a guard against accidents, not security.
 */
export async function buildSectionWorkbook(data: SectionWorkbookData): Promise<Buffer> {
  const { Workbook } = await import('exceljs'); // loaded on the first workbook, not at start (~25 MB)
  const workbook = new Workbook();
  fixProperties(workbook);
  for (const sheet of WORKBOOK_SHEETS)
    await writeItemSheet(
      workbook.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] }),
      sheet,
      data,
    );
  writeWorkbookGuide(workbook.addWorksheet('説明'), data);
  return withFixedZipDates(Buffer.from(await workbook.xlsx.writeBuffer()));
}

function fixProperties(workbook: Workbook): void {
  workbook.creator = 'pdca-review';
  workbook.lastModifiedBy = 'pdca-review';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
}

async function writeItemSheet(sheet: Worksheet, name: WorkbookSheet, data: SectionWorkbookData): Promise<void> {
  const columns = WORKBOOK_COLUMNS[data.scheme][name];
  // Text format everywhere: Excel would otherwise turn "(1)" into -1 and "2022" into a number.
  sheet.columns = columns.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.width,
    style: { numFmt: '@' },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  columns.forEach((column, index) => {
    const mark = column.editable ? '【入力欄 / editable】' : '【参照のみ / read-only】';
    sheet.getCell(1, index + 1).note = `${mark}\n${column.descriptionJa}\n${column.descriptionEn}`;
  });
  for (const cells of data.rows[name]) {
    const row = sheet.addRow(columns.map((column) => cells[column.key] ?? ''));
    columns.forEach((column, index) => {
      if (!column.editable) return;
      const cell = row.getCell(index + 1);
      cell.protection = { locked: false };
      cell.fill = EDITABLE_FILL;
    });
  }
  const lastRow = data.rows[name].length + 1;
  columns.forEach((column, index) => addList(sheet, column, index + 1, lastRow, data.bReasons));
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    autoFilter: true,
  });
}

/** One range per column (exceljs's per-cell validations overlap and make Excel repair the file). */
type WithRangeValidations = Worksheet & { dataValidations: { add(range: string, validation: DataValidation): void } };

function addList(
  sheet: Worksheet,
  column: WorkbookColumn,
  index: number,
  lastRow: number,
  bReasons: readonly ReasonCategory[],
): void {
  const allowed = listOf(column, bReasons);
  if (!allowed || lastRow < 2) return;
  const letter = sheet.getColumn(index).letter;
  (sheet as WithRangeValidations).dataValidations.add(`${letter}2:${letter}${lastRow}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${allowed.join(',')}"`],
    showErrorMessage: true,
    errorTitle: '入力できない値です / Not allowed',
    error: `${allowed.join(' / ')} から選んでください。Choose one of: ${allowed.join(', ')}`,
  });
}

/** The drop-down values, or none when Excel could not hold them inline (the server checks every value anyway). */
export function listOf(column: WorkbookColumn, bReasons: readonly ReasonCategory[]): readonly string[] | undefined {
  if (!column.allowed) return undefined;
  const values = column.allowed === 'bReasons' ? bReasons.map((r) => r.label) : column.allowed;
  const inline = values.join(',');
  if (values.some((v) => /[,"]/.test(v)) || inline.length + 2 > MAX_INLINE_LIST) return undefined;
  return values;
}
