import { Readable } from 'node:stream';
import type { Cell, CellValue } from 'exceljs';
import { DomainError, invalid } from '@pdca/kernel';
import type { RawSheet } from './raw-sheet';
import { isBlank } from './raw-sheet';
import { IMPORT_MAX_ROWS, tooManyRows } from './row-limit';

export async function readXlsx(data: Uint8Array, source: string): Promise<Map<string, RawSheet>> {
  const exceljs = await import('exceljs'); // loaded on the first workbook, not at start (~25 MB)
  await assertWithinRowLimit(exceljs, data, source);
  const workbook = new exceljs.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as Parameters<typeof workbook.xlsx.load>[0],
    );
  } catch (error) {
    throw unreadable(source, error);
  }
  const sheets = new Map<string, RawSheet>();
  workbook.eachSheet((worksheet) => {
    const rows: RawSheet['rows'] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => (cells[column - 1] = cellText(cell)));
      const dense = Array.from(cells, (cell) => cell ?? '');
      if (!isBlank(dense)) rows.push({ row: rowNumber, cells: dense });
    });
    sheets.set(worksheet.name.trim(), { source: `${source}#${worksheet.name}`, rows });
  });
  return sheets;
}

/**
 * Counts rows with exceljs' streaming reader, which stops at the limit: loading a workbook whole
 * took 33 s and 1.6 GB for a 6 MB file of 100,000 rows. The streaming reader is not used for the
 * contents because it splits multi-byte characters at chunk boundaries.
 */
async function assertWithinRowLimit(
  exceljs: typeof import('exceljs'),
  data: Uint8Array,
  source: string,
): Promise<void> {
  const input = Readable.from([Buffer.from(data.buffer, data.byteOffset, data.byteLength)]);
  const reader = new exceljs.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'ignore',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        if (row.number > IMPORT_MAX_ROWS + 1) throw tooManyRows(source, IMPORT_MAX_ROWS + 1);
      }
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw unreadable(source, error);
  }
}

const unreadable = (source: string, error: unknown) =>
  invalid(
    'IMPORT_FILE_UNREADABLE',
    `「${source}」を Excel ファイルとして読み込めません。`,
    `${source} cannot be read as an Excel workbook.`,
    { file: source, cause: String(error) },
  );

/** What the user sees in the cell: formulas by their result, rich text joined, dates as ISO days. */
function cellText(cell: Cell): string {
  return valueText(cell.value);
}

function valueText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return valueText((value as { result?: CellValue }).result ?? null);
  if ('hyperlink' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}
