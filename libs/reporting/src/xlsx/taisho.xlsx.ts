import type { Workbook, Worksheet } from 'exceljs';
import type { TaishoDocument, TaishoPart } from '../layout/taisho/taisho-template';
import type { Table } from '../tables/table';
import { writeTable } from './sheet-writers';

type AddSheet = (workbook: Workbook, name: string) => Worksheet;

/**
 * The Taisho layout's sheets, one per part of the printed report and in its order (表の見方, 集計, 第1部,
 * 第2部), from the same TaishoDocument as the HTML and the PDF. Headings (経営課題, 戦略, each table's
 * caption) are rows of their own in column A; the flat open-data sheets follow them unchanged.
 */
export function writeTaishoSheets(workbook: Workbook, doc: TaishoDocument, addSheet: AddSheet): void {
  writeTables(addSheet(workbook, '表の見方'), doc.guide);
  writeTables(addSheet(workbook, '集計'), [doc.summary]);
  for (const part of doc.parts) if (part.issues.length > 0) writePart(addSheet(workbook, sheetName(part)), part);
}

const sheetName = (part: TaishoPart) => (part.key === 'strategies' ? '第1部 めざす成果および戦略' : '第2部 具体的取組');

const writePart = (sheet: Worksheet, part: TaishoPart) =>
  writePartSheet(
    sheet,
    part.heading,
    part.issues.map((issue) => ({ heading: issue.heading, sections: issue.strategies })),
  );

/** A group of the printed report (経営課題, 基本目標) and its sections (戦略, 戦略計画), each with its tables. */
export interface SheetGroup {
  heading: string;
  sections: Array<{ heading: string; tables: Table[] }>;
}

/** A part of the report on one sheet: its heading, then each group's and section's heading rows and tables. */
export function writePartSheet(sheet: Worksheet, partHeading: string, groups: SheetGroup[]): void {
  const tables = groups.flatMap((group) => group.sections.flatMap((section) => section.tables));
  sheet.columns = widest(tables).columns.map((column) => ({ width: column.width }));
  let row = heading(sheet, 1, partHeading, 14);
  for (const group of groups) {
    row = heading(sheet, row + 1, group.heading, 13);
    for (const section of group.sections) {
      row = heading(sheet, row, section.heading, 12);
      for (const table of section.tables) row = writeCaptioned(sheet, table, row) + 2;
    }
  }
}

export function writeTables(sheet: Worksheet, tables: Table[]): void {
  sheet.columns = widest(tables).columns.map((column) => ({ width: column.width }));
  let row = 1;
  for (const table of tables) row = writeCaptioned(sheet, table, row) + 2;
}

/** The caption on its own row, then the table; returns the table's last row. */
function writeCaptioned(sheet: Worksheet, table: Table, row: number): number {
  sheet.getCell(row, 1).value = table.caption;
  sheet.getRow(row).font = { bold: true };
  return writeTable(sheet, table, row + 1);
}

function heading(sheet: Worksheet, row: number, text: string, size: number): number {
  sheet.getCell(row, 1).value = text;
  sheet.getRow(row).font = { bold: true, size };
  return row + 1;
}

const widest = (tables: Table[]) =>
  tables.reduce((best, table) => (table.columns.length > best.columns.length ? table : best));
