import type { Cell, CellValue } from 'exceljs';
import { invalid } from '@pdca/kernel';
import type { RawSheet } from './raw-sheet';
import { isBlank } from './raw-sheet';
import { IMPORT_MAX_ROWS, tooManyRows } from './row-limit';

export async function readXlsx(data: Uint8Array, source: string): Promise<Map<string, RawSheet>> {
  const { Workbook } = await import('exceljs'); // loaded on the first workbook, not at start (~25 MB)
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw invalid('IMPORT_FILE_UNREADABLE', `「${source}」を Excel ファイルとして読み込めません。`, `${source} cannot be read as an Excel workbook.`, { file: source, cause: String(error) });
  }
  const sheets = new Map<string, RawSheet>();
  workbook.eachSheet((worksheet) => {
    if (worksheet.actualRowCount > IMPORT_MAX_ROWS + 1) throw tooManyRows(`${source}#${worksheet.name}`, IMPORT_MAX_ROWS + 1);
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

/** What the user sees in the cell: formulas by their result, rich text joined, dates as ISO days. */
function cellText(cell: Cell): string {
  return valueText(cell.value);
}

function valueText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return valueText((value as { result?: CellValue }).result ?? null);
  if ('hyperlink' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}
