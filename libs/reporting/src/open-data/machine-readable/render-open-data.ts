import type { Workbook } from 'exceljs';
import { withFixedZipDates } from '@pdca/kernel';
import { csvDocument } from '../../csv/csv-document';
import type { OpenDataTable } from './open-data-table';

/** One CSV per table: UTF-8 with BOM, CRLF, header row first (the report's CSV conventions). */
export function openDataCsv(table: OpenDataTable): string {
  const columns = table.columns.map((column, i) => ({
    header: column.header,
    width: 0,
    value: (row: OpenDataTable['rows'][number]) => row[i],
  }));
  return csvDocument(columns, table.rows);
}

/** One JSON document per table: ASCII keys (the physical names), numbers as numbers, blank cells as null. */
export function openDataJson(table: OpenDataTable): object {
  return {
    name: table.name,
    title: table.title,
    columns: table.columns,
    rows: table.rows.map((row) => Object.fromEntries(table.columns.map((column, i) => [column.id, row[i] ?? null]))),
  };
}

/**
 * The open-data workbook: one sheet per table named like its file, the header in row 1 and data
 * from row 2, values only (no formulas, merges, styles that carry meaning, hidden rows or objects).
 */
export async function openDataXlsx(tables: OpenDataTable[], publishedAt: string): Promise<Buffer> {
  const { Workbook: WorkbookClass } = await import('exceljs');
  const workbook: Workbook = new WorkbookClass();
  const published = new Date(publishedAt);
  Object.assign(workbook, {
    creator: 'pdca-review',
    lastModifiedBy: 'pdca-review',
    created: published,
    modified: published,
  });
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name);
    sheet.columns = table.columns.map((column) => ({
      header: column.header,
      width: Math.max(10, Math.min(40, column.header.length * 2 + 4)),
    }));
    for (const row of table.rows) sheet.addRow(row.map((value) => value ?? null));
  }
  return withFixedZipDates(Buffer.from(await workbook.xlsx.writeBuffer()));
}
