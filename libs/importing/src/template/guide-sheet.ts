import type { Worksheet } from 'exceljs';
import { TABLE_COLUMNS } from '../format/columns';
import type { ColumnSpec } from '../format/columns';
import { IMPORT_TABLES, TABLE_NAMES_EN } from '../format/import-tables';

const NOTES: [string, string][] = [
  [
    'シート「構成」「取組」「指標」に入力してください。同じ列の CSV 3 ファイル（UTF-8 または Shift_JIS）でも取り込めます。',
    'Fill in the sheets 構成, 取組 and 指標, or give three CSV files with the same columns (UTF-8 or Shift_JIS).',
  ],
  [
    '1行目の列名は変更しないでください（完全一致で照合します）。下表の English key を列名に使うこともできます。',
    'Keep the header row as it is (headers are matched exactly); the English keys below are accepted as headers too.',
  ],
  [
    'エラーは表・行番号（見出しが1行目）・列名で示されます。1件でもエラーがあれば何も取り込みません。',
    'Problems are reported by table, row number (the header is row 1) and column; nothing is imported while any remains.',
  ],
  [
    '再掲の行は「再掲元」に元の取組IDを入力します。再掲は元の取組の掲載先として登録され、集計には含めません。',
    'A repost (再掲) line names the original in 再掲元; it becomes a placement of the original and is not counted.',
  ],
  [
    '同じファイルを再度取り込んでも変更はありません。変わった項目だけが変更になり、表にない取組・指標は削除されません。',
    'Re-importing the same file changes nothing; only what differs is changed, and nothing absent from the file is removed.',
  ],
  [
    '事業実施課の ID は事業実施部と事業実施課の名称から自動で決まります。',
    'The id of a responsible section is derived from its department and section names.',
  ],
];

const HEADER = [
  'シート / Sheet',
  '列名',
  'English key',
  '必須',
  'Required',
  '説明',
  'Description',
  '入力できる値 / Allowed values',
];

/** 説明: how to fill in the workbook, and every column in Japanese and English. */
export function writeGuide(sheet: Worksheet): void {
  sheet.columns = [14, 16, 22, 24, 26, 60, 60, 30].map((width) => ({ width }));
  sheet.addRow(['取込ファイルの説明 / How to fill in the import file']).font = { bold: true, size: 14 };
  NOTES.forEach(([ja, en]) => sheet.addRow([ja, '', '', '', '', '', en]));
  sheet.addRow([]);
  const header = sheet.addRow(HEADER);
  header.font = { bold: true };
  for (const table of IMPORT_TABLES) {
    for (const column of TABLE_COLUMNS[table] as readonly ColumnSpec[]) {
      const optionalColumn = column.optionalColumn ? '（列ごと省略可）' : '';
      sheet.addRow([
        `${table} (${TABLE_NAMES_EN[table]})`,
        column.header,
        column.key,
        `${column.requiredJa}${optionalColumn}`,
        `${column.requiredEn}${column.optionalColumn ? ' (column may be left out)' : ''}`,
        column.descriptionJa,
        column.descriptionEn,
        column.allowed?.join(', ') ?? '',
      ]);
    }
  }
  sheet.eachRow((row) => (row.alignment = { wrapText: true, vertical: 'top' }));
}
