import type { Worksheet } from 'exceljs';
import type { FlatColumn } from '../open-data/flat-columns';
import type { VerificationBlock } from '../layout/verification-block';
import { Cell, isPercent, spanOf, Table } from '../tables/table';

const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFDDE6F0' } };
const TOP_WRAP = { vertical: 'top' as const, wrapText: true };

/** Header row bold and tinted; every cell wraps, top-aligned, like the printed tables. */
export function styleHeader(sheet: Worksheet, rowNumber: number): void {
  const row = sheet.getRow(rowNumber);
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = TOP_WRAP;
  });
}

export function wrapAll(sheet: Worksheet, fromRow: number): void {
  sheet.eachRow((row, number) => {
    if (number >= fromRow) row.eachCell((cell) => (cell.alignment = TOP_WRAP));
  });
}

/** Flat rows under one header row: the KPI and アクションプラン sheets. */
export function writeFlatSheet<Row>(sheet: Worksheet, columns: Array<FlatColumn<Row>>, rows: Row[]): void {
  sheet.columns = columns.map((column) => ({ header: column.header, width: column.width }));
  for (const row of rows) sheet.addRow(columns.map((column) => column.value(row) ?? null));
  styleHeader(sheet, 1);
  wrapAll(sheet, 2);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

/** A report table starting at `firstRow`; spanned row headers become merged cells, shares percent-formatted. */
export function writeTable(sheet: Worksheet, table: Table, firstRow: number): number {
  sheet.getRow(firstRow).values = table.columns.map((column) => column.header);
  styleHeader(sheet, firstRow);
  let rowNumber = firstRow;
  for (const row of table.rows) {
    rowNumber++;
    const span = spanOf(row, table.columns.length);
    const [first, ...rest] = row.cells;
    writeCell(sheet, rowNumber, 1, first);
    if (span > 1) sheet.mergeCells(rowNumber, 1, rowNumber, span);
    rest.forEach((cell, i) => writeCell(sheet, rowNumber, span + 1 + i, cell));
    if (row.kind === 'total' || row.kind === 'group') sheet.getRow(rowNumber).font = { bold: true };
  }
  wrapAll(sheet, firstRow + 1);
  return rowNumber;
}

function writeCell(sheet: Worksheet, row: number, column: number, value: Cell): void {
  const cell = sheet.getCell(row, column);
  if (isPercent(value)) {
    cell.value = value.percent / 100;
    cell.numFmt = '0%';
  } else {
    cell.value = value;
  }
}

/**
 * The height of a row whose merged cell wraps `text` over `width` character widths: Excel sizes no
 * merged cell by itself. A full-width character takes two widths, and a line 15 points.
 */
const wrappedHeight = (text: string, width: number) =>
  15 * Math.max(1, Math.ceil([...text].reduce((sum, char) => sum + (char.charCodeAt(0) < 0x80 ? 1 : 2), 0) / width));

/**
 * report-template/5: 検証用情報 as the PDF prints it, from `firstRow` over columns A:C of `widths`: the
 * heading, the sentence merged across A:C, then each label in A and its value merged across B:C, every
 * row tall enough for its wrapped text. Returns the last row written.
 */
export function writeVerificationBlock(
  sheet: Worksheet,
  block: VerificationBlock,
  firstRow: number,
  widths: [number, number, number],
): number {
  sheet.getCell(firstRow, 1).value = block.heading;
  sheet.getRow(firstRow).font = { bold: true };
  const write = (row: number, first: number, text: string, last = 3) => {
    sheet.getCell(row, first).value = text;
    sheet.mergeCells(row, first, row, last);
    const width = widths.slice(first - 1, last).reduce((a, b) => a + b, 0);
    sheet.getRow(row).height = Math.max(sheet.getRow(row).height ?? 15, wrappedHeight(text, width));
  };
  let row = firstRow + 1;
  write(row, 1, block.lead);
  for (const [label, value] of block.entries) {
    row++;
    sheet.getCell(row, 1).value = label;
    write(row, 2, value);
  }
  for (let r = firstRow + 1; r <= row; r++) sheet.getRow(r).eachCell((cell) => (cell.alignment = TOP_WRAP));
  return row;
}
