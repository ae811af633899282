import type { Worksheet } from 'exceljs';
import { fiscalYearLabel } from '@pdca/kernel';
import type { SectionWorkbookData } from './build-section-workbook';
import { SHEET_NAMES_EN, WORKBOOK_COLUMNS, WORKBOOK_SHEETS } from './workbook-columns';

const HEADER = [
  'シート / Sheet',
  '列名 / Column',
  '編集 / Editable',
  '説明',
  'Description',
  '入力できる値 / Allowed values',
];
const GENERAL = '（全体 / general）';

function notes(data: SectionWorkbookData): [string, string, string][] {
  return [
    [
      '対象',
      `${fiscalYearLabel(data.fiscalYear)} ${data.sectionName}（${data.sectionId}）の取組・指標`,
      `FY${data.fiscalYear}, projects and KPIs of ${data.sectionName} (${data.sectionId})`,
    ],
    [
      '入力',
      '色の付いた「入力欄」の列だけを入力してください。ほかの列は参照用で、アップロード時には読みません。',
      'Fill in the tinted editable columns only; the other columns are context and are not read on upload.',
    ],
    [
      '提出',
      `「提出」が ${'はい'} の行は審査に提出し、${'いいえ'} または空欄の行は下書きとして保存します。`,
      'Rows with 提出 = はい are submitted for review; いいえ or empty saves them as drafts.',
    ],
    [
      '変更なし',
      'ダウンロードしたときから変えていない行は何もしません（承認済みの行も同じです）。',
      'Rows left as downloaded change nothing (approved rows included).',
    ],
    [
      '確認',
      'アップロードするとまず確認画面で行ごとの結果と誤り（シート・行・列）を表示します。1件でも誤りがあれば何も保存しません。',
      'An upload is first a dry run showing each row’s outcome and every error (sheet, row, column); nothing is saved while any error remains.',
    ],
    [
      '形式',
      'シート「取組」「指標」の見出し行は変えないでください。CSV で保存したシート（UTF-8 または Shift_JIS）もアップロードできます。',
      'Keep the header rows of 取組 and 指標; a sheet saved as CSV (UTF-8 or Shift_JIS) can be uploaded too.',
    ],
  ];
}

/** 説明: one table — general notes first, then every column of both sheets — in Japanese and English. */
export function writeWorkbookGuide(sheet: Worksheet, data: SectionWorkbookData): void {
  sheet.columns = [16, 18, 14, 60, 60, 40].map((width) => ({ width, style: { numFmt: '@' } }));
  sheet.addRow(HEADER).font = { bold: true };
  for (const [item, ja, en] of notes(data)) sheet.addRow([GENERAL, item, '', ja, en, '']);
  for (const name of WORKBOOK_SHEETS) {
    for (const column of WORKBOOK_COLUMNS[data.scheme][name]) {
      const allowed = column.allowed === 'bReasons' ? data.bReasons.map((r) => r.label) : (column.allowed ?? []);
      sheet.addRow([
        `${name} (${SHEET_NAMES_EN[name]})`,
        column.header,
        column.editable ? '入力欄 / yes' : '参照のみ / no',
        column.descriptionJa,
        column.descriptionEn,
        allowed.join(' / '),
      ]);
    }
  }
  sheet.eachRow((row) => (row.alignment = { wrapText: true, vertical: 'top' }));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}
