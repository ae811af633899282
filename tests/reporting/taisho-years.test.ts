import { Workbook } from 'exceljs';
import { renderReportHtml, renderReportPdf, renderReportXlsx, ReportOptions } from '@pdca/reporting';
import { pdfPageTexts } from './support/pdf-text';
import { publicationFor, reportModelFrom } from './support/report-fixture';
import { TAISHO_SEED_004 } from './support/taisho-seed004';

/** Seed 004 (FY H28) with the ward's FY H27 published before it: one 成果指標 value and two initiatives' results. */
const OPTIONS: ReportOptions = {
  wardName: '大正区',
  kpiHistory: { 'O-6-1': [{ fiscalYear: 2015, actual: '47.4%' }] },
  projectHistory: {
    'T-6-1-3': [
      {
        fiscalYear: 2015,
        rating: { scheme: 'taisho', achievement: 'A', performanceTarget: '名簿への同意率 50%以上' },
      },
    ],
    'T-6-1-2': [{ fiscalYear: 2015, rating: { scheme: 'taisho', achievement: 'B', withdrawalCriterionHit: true } }],
  },
};
const squash = (text: string) => text.replace(/\s+/g, '');

describe('a Taisho report over the years (report-template/4): 成果指標 and each initiative’s 業績目標 result per year', () => {
  const { model, position, streams } = reportModelFrom(TAISHO_SEED_004);
  const publication = publicationFor(position, streams, { version: 1, reason: undefined });

  it('HTML: Part 1 has the 成果指標 per year and its chart; Part 2 each initiative’s result per year, in words', () => {
    const html = renderReportHtml(model, publication, OPTIONS);
    expect(html).toContain('<caption>戦略［6-1］ 成果指標の年度別実績</caption>');
    expect(html).toContain('平成27年度（2015年度）実績');
    expect(html).toMatch(/<figure[^>]*>[\s\S]*?戦略［6-1］ 成果指標の目標値に対する実績の推移/);
    const years = html.slice(html.indexOf('<caption>戦略［6-1］ 具体的取組の業績目標の達成状況（年度別）</caption>'));
    expect(years).not.toBe(html);
    const table = years.slice(0, years.indexOf('</table>'));
    expect(table).toContain('<th scope="col">平成27年度（2015年度）</th><th scope="col">平成28年度（2016年度）</th>');
    // T-6-1-3: A in H27, the withdrawal criterion hit in H28; T-6-1-2 the other way round.
    expect(table).toMatch(/見守り相談室の運営[\s\S]*?A\u3000目標達成[\s\S]*?B\u3000撤退基準未達成/);
    expect(table).toContain('B　撤退基準未達成');
    for (const word of ['戦略計画', 'アクションプラン', '重要業績評価指標'])
      expect({ word, found: html.includes(word) }).toEqual({ word, found: false });
  });

  it('PDF: the same tables, and the chart under its printed title', async () => {
    const text = squash(pdfPageTexts(await renderReportPdf(model, publication, OPTIONS)).join(''));
    expect(text).toContain(squash('戦略［6-1］ 具体的取組の業績目標の達成状況（年度別）'));
    expect(text).toContain(squash('図　戦略［6-1］ 成果指標の目標値に対する実績の推移'));
  });

  it('Excel: the sheets of Part 1 and Part 2 carry the same tables', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load(new Uint8Array(await renderReportXlsx(model, publication, OPTIONS)).buffer);
    const texts = (sheet: string) => {
      const cells: string[] = [];
      workbook.getWorksheet(sheet)?.eachRow((row) => row.eachCell((cell) => void cells.push(cell.text)));
      return cells;
    };
    expect(texts('第1部 めざす成果および戦略')).toContain('戦略［6-1］ 成果指標の年度別実績');
    expect(texts('第2部 具体的取組')).toContain('戦略［6-1］ 具体的取組の業績目標の達成状況（年度別）');
    expect(texts('第2部 具体的取組')).toContain('A　目標達成');
  });

  it('given this year only, no table over the years in HTML, PDF or Excel: its one column would repeat the tables above', async () => {
    const thisYear = { wardName: '大正区' };
    expect(renderReportHtml(model, publication, thisYear)).not.toContain('年度別');
    expect(pdfPageTexts(await renderReportPdf(model, publication, thisYear)).join('')).not.toContain('年度別');
    const workbook = new Workbook();
    await workbook.xlsx.load(new Uint8Array(await renderReportXlsx(model, publication, thisYear)).buffer);
    const cells: string[] = [];
    for (const sheet of workbook.worksheets.filter((sheet) => sheet.name.startsWith('第')))
      sheet.eachRow((row) => row.eachCell((cell) => void cells.push(cell.text)));
    expect(cells.filter((text) => text.includes('年度別'))).toEqual([]);
    // A 戦略 without an earlier year has none even when another 戦略 has one.
    expect(renderReportHtml(model, publication, OPTIONS)).not.toContain('戦略［7-1］ 成果指標の年度別実績');
    // Pinned to report-template/4, it keeps the one-year tables it was published with.
    const pinned = renderReportHtml(model, { ...publication, templateVersion: 'report-template/4' }, thisYear);
    expect(pinned).toContain('戦略［6-1］ 成果指標の年度別実績');
  });

  it('given a version pinned to report-template/3, prints as it was published (no table over the years)', () => {
    const pinned = renderReportHtml(model, { ...publication, templateVersion: 'report-template/3' }, OPTIONS);
    expect(pinned).not.toContain('年度別');
  });
});
