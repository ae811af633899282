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

  it("has the printed report's parts, then the flat sheets, each with a frozen Japanese header row", () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '表の見方',
      '集計',
      '第1部 KPI',
      '第2部 アクションプラン',
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

  it('lays 第1部 and 第2部 out like the PDF: part, 基本目標 and 戦略計画 headings, then the same tables (再掲 in place)', () => {
    const column = (sheet: string) =>
      workbook
        .getWorksheet(sheet)!
        .getColumn(1)
        .values.filter((value): value is string => typeof value === 'string');
    const part1 = column('第1部 KPI');
    expect(part1[0]).toBe('第1部　重要業績評価指標（KPI）の令和4年度（2022年度）末実績');
    expect(part1).toEqual(
      expect.arrayContaining([
        '基本目標Ⅰ：子どもたちの笑顔輝くまち',
        '戦略計画1 重要業績評価指標（KPI）',
        '認可保育所の増設',
      ]),
    );
    // One year only: 年度別実績 would repeat the KPI table above it, as in the PDF and the HTML.
    expect(part1.filter((text) => text.endsWith('の年度別実績'))).toEqual([]);
    const part2 = column('第2部 アクションプラン');
    expect(part2[0]).toMatch(/^第2部\u3000アクションプラン［年度別取組計画］の/);
    expect(part2.join('\n')).toContain('【戦略計画2-1(1)の再掲】');
    expect(part2).toContain('子ども家庭支援センターの専門職員の増員');
    expect(column('表の見方')).toEqual(expect.arrayContaining(['「進捗状況」欄の記号', 'A+']));
  });

  it('given an earlier published year, 第1部 adds each plan’s 年度別実績 after its KPI table', async () => {
    const kpiHistory = { 'K01-01': [{ fiscalYear: 2021, actual: '計199所', number: 199 }] };
    const twoYears = new Workbook();
    await twoYears.xlsx.load(
      new Uint8Array(await renderReportXlsx(model, publication, { ...NERIMA, kpiHistory })).buffer,
    );
    const part1 = twoYears
      .getWorksheet('第1部 KPI')!
      .getColumn(1)
      .values.filter((value): value is string => typeof value === 'string');
    const kpis = part1.indexOf('戦略計画1 重要業績評価指標（KPI）');
    expect(part1.indexOf('戦略計画1 指標の年度別実績')).toBeGreaterThan(kpis);
  });

  it('given a version pinned to report-template/4, keeps the five sheets it was published with', async () => {
    const pinned = new Workbook();
    const bytes = await renderReportXlsx(model, { ...publication, templateVersion: 'report-template/4' }, NERIMA);
    await pinned.xlsx.load(new Uint8Array(bytes).buffer);
    expect(pinned.worksheets.map((sheet) => sheet.name)).toEqual([
      '集計',
      'KPI',
      'KPI（年度別）',
      'アクションプラン',
      '公表情報',
    ]);
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

  it('公表情報 holds the publication, the 検証用情報 block worded for a resident and every chain head with its whole hash', () => {
    const sheet = workbook.getWorksheet('公表情報')!;
    const cells = sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : []));
    expect(cells).toEqual(
      expect.arrayContaining(['第2版', '令和5年9月14日（2023年9月14日）', '戦略計画2の実績の誤記を訂正', '検証用情報']),
    );
    // The data position and the template are in the block's sentence, not rows of their own.
    expect(cells).not.toContain('データ時点（イベント位置）');
    expect(cells).not.toContain('テンプレート版');
    expect(cells).toContainEqual(
      expect.stringContaining(`（通し番号${publication.position}まで）から、様式 ${TEMPLATE_VERSION} で作成しました。`),
    );
    for (const [stream, head] of Object.entries(publication.chainHeads))
      expect(cells).toEqual(expect.arrayContaining([stream, head.hash]));
    expect(workbook.created.toISOString()).toBe(publication.publishedAt);
  });
});
