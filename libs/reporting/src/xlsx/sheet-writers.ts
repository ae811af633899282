import type { Worksheet } from 'exceljs';
import type { FlatColumn } from '../open-data/flat-columns';
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
