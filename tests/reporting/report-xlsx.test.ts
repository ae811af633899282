import { Workbook } from 'exceljs';
import { renderReportXlsx, TEMPLATE_VERSION } from '@pdca/reporting';
import { NERIMA, nerimaReport } from './support/reports';

describe('renderReportXlsx', () => {
  const { model, publication } = nerimaReport();
  let workbook: Workbook;

  beforeAll(async () => {
    workbook = new Workbook();
    // exceljs types its input as an ArrayBuffer-like of its own; a copied Uint8Array's buffer is one.
    await workbook.xlsx.load(new Uint8Array(await renderReportXlsx(model, publication, NERIMA)).buffer);
  });

  const values = (sheet: string, row: number) =>
    (workbook.getWorksheet(sheet)!.getRow(row).values as unknown[]).slice(1);

  it('has the five sheets, each with a frozen Japanese header row', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '集計',
      'KPI',
      'KPI（年度別）',
      'アクションプラン',
      '公表情報',
    ]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect(sheet.getColumn(1).width).toBeGreaterThan(5);
    }
  });

  it('集計 holds the summary: counts as numbers, shares as percentages, 合計 merged across two columns', () => {
    const sheet = workbook.getWorksheet('集計')!;
    expect(values('集計', 1)).toEqual(['評価', '進捗状況', '事業数', '割合']);
    expect(values('集計', 2)).toEqual(['A+', '計画以上に進んだもの', 1, 0.1]);
    expect(sheet.getCell('D2').numFmt).toBe('0%');
    expect(values('集計', 5)).toEqual(['内訳', '新型コロナウイルス感染症の感染拡大による影響を受けたもの', 1, 0.1]);
    const total = sheet.rowCount;
    expect(sheet.getCell(`A${total}`).value).toBe('合計');
    expect(sheet.getCell(`B${total}`).isMerged).toBe(true);
    expect(sheet.getCell(`C${total}`).value).toBe(10);
  });

  it('KPI and アクションプラン hold one row per KPI and per project row, text wrapped', () => {
    const kpis = workbook.getWorksheet('KPI')!;
    expect(kpis.rowCount).toBe(1 + 4);
    const header = values('KPI', 1);
    expect(header).toContain('達成度（%）');
    expect(kpis.getRow(5).getCell(header.indexOf('実績') + 1).value).toBe('年間995,679人');
    expect(kpis.getRow(5).getCell(header.indexOf('達成度（%）') + 1).value).toBe(163.8);
    const projects = workbook.getWorksheet('アクションプラン')!;
    expect(projects.rowCount).toBe(1 + 12);
    const columns = values('アクションプラン', 1);
    const noteColumn = columns.indexOf('備考') + 1;
    const note = projects
      .getColumn(noteColumn)
      .values.find((value) => typeof value === 'string' && value.includes('髙橋'));
    expect(note).toBe('担当 髙橋・山﨑');
    expect(projects.getCell(2, noteColumn).alignment).toMatchObject({ wrapText: true });
    expect(projects.getColumn(columns.indexOf('再掲') + 1).values.filter((value) => value === 1)).toHaveLength(2);
  });

  it('公表情報 holds the publication and every chain head with its whole hash', () => {
    const sheet = workbook.getWorksheet('公表情報')!;
    const cells = sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : []));
    expect(cells).toEqual(
      expect.arrayContaining([
        '第2版',
        '令和5年9月14日（2023年9月14日）',
        TEMPLATE_VERSION,
        '戦略計画2の実績の誤記を訂正',
      ]),
    );
    for (const [stream, head] of Object.entries(publication.chainHeads))
      expect(cells).toEqual(expect.arrayContaining([stream, head.hash]));
    expect(workbook.created.toISOString()).toBe(publication.publishedAt);
  });
});
