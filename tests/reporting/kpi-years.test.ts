import { execFileSync } from 'node:child_process';
import { Workbook } from 'exceljs';
import { renderReportHtml, renderReportPdf, renderReportXlsx, ReportOptions } from '@pdca/reporting';
import { NERIMA, nerimaReport } from './support/reports';

/** The FY R4 slice (2022) plus earlier published years' actuals of three KPIs in two plans. */
const KPI_HISTORY: ReportOptions['kpiHistory'] = {
  'K01-01': [
    { fiscalYear: 2020, actual: '計190所', number: 190 },
    { fiscalYear: 2021, actual: '計199所', number: 199 },
  ],
  'K02-01': [{ fiscalYear: 2021, actual: '年間9,900件', number: 9900 }],
  'K12-01': [{ fiscalYear: 2021, actual: '年間901,200人', number: 901200 }],
};
const OPTIONS = { ...NERIMA, kpiHistory: KPI_HISTORY };
const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');

describe('Part 1 (report-template/3): each KPI over the years the ward has, as a table and a chart per plan', () => {
  const { model, publication } = nerimaReport();

  describe('in HTML', () => {
    const html = renderReportHtml(model, publication, OPTIONS);
    const tableOf = (planId: string) =>
      html.match(new RegExp(`<table id="kpi-years-${planId}"[\\s\\S]*?</table>`))?.[0] ?? '';

    it("holds every year's value under a 和暦 (西暦) heading, with 現状値 and 目標値", () => {
      const plan1 = tableOf('plan-1');
      for (const expected of [
        '令和2年度（2020年度）実績',
        '令和3年度（2021年度）実績',
        '令和4年度（2022年度）実績',
        '計190所',
        '計199所',
        '計206所',
        '計197所',
        '計26園',
      ]) {
        expect(plan1).toContain(expected);
      }
      expect(tableOf('plan-2')).toContain('年間9,900件');
      expect(tableOf('plan-2')).toContain('年間10,798件');
    });

    it('draws a titled chart for every plan with a numeric target, described by the table beside it', () => {
      const charts =
        html.match(
          /<figure aria-describedby="kpi-years-[^"]+"><svg[^>]*><title id="chart-kpi-years-[^"]+">[^<]+<\/title>/g,
        ) ?? [];
      expect(charts).toHaveLength(2); // plan-1 and plan-12; plan-2's target is words (増加): its table only
      expect(charts[1]).toContain('kpi-years-plan-12');
      expect(html).toContain(
        '認可保育所の増設：令和2年度（2020年度） 92.2%、令和3年度（2021年度） 96.6%、令和4年度（2022年度） 100%。',
      );
    });

    it('leaves a version pinned to report-template/2 without the multi-year table and charts', () => {
      const pinned = renderReportHtml(model, { ...publication, templateVersion: 'report-template/2' }, OPTIONS);
      expect(pinned).not.toContain('kpi-years-');
      expect(pinned).toContain('chart-trend-K01-01');
    });
  });

  describe('in PDF and Excel', () => {
    let pdf: Buffer;
    let xlsx: Buffer;
    beforeAll(async () => {
      pdf = await renderReportPdf(model, publication, OPTIONS);
      xlsx = await renderReportXlsx(model, publication, OPTIONS);
    });

    it('prints the table and one chart heading per plan with a numeric target', () => {
      const text = pdfText(pdf);
      // pdftotext prints the heading's full-width space as a plain one.
      const headings = text.match(/図\s+戦略計画\d+ 指標の目標値に対する実績の推移/g) ?? [];
      expect(headings.map((heading) => heading.replace(/\s+/, ' '))).toEqual([
        '図 戦略計画1 指標の目標値に対する実績の推移',
        '図 戦略計画12 指標の目標値に対する実績の推移',
      ]);
      expect(text).toContain('令和2年度（2020年度）実績');
      expect(text).toContain('計190所');
      expect(text).toContain('年間9,900件');
    });

    it('has a long-format sheet: one row per KPI and year', async () => {
      const workbook = new Workbook();
      await workbook.xlsx.load(new Uint8Array(xlsx).buffer);
      const sheet = workbook.getWorksheet('KPI（年度別）');
      const rows = (sheet?.getSheetValues() ?? []).slice(1).map((row) => (row as unknown[]).slice(1));
      expect(rows[0]).toEqual([
        '基本目標',
        '戦略計画',
        '指標ID',
        '指標',
        '年度（西暦）',
        '年度（和暦）',
        '実績',
        '現状値',
        '目標値',
      ]);
      expect(rows.filter((row) => row[2] === 'K01-01').map((row) => [row[4], row[6]])).toEqual([
        [2020, '計190所'],
        [2021, '計199所'],
        [2022, '計206所'],
      ]);
      expect(rows.filter((row) => row[2] === 'K01-02').map((row) => [row[4], row[6]])).toEqual([[2022, '計26園']]);
      expect(rows).toHaveLength(1 + 3 + 1 + 2 + 2);
    });

    it('renders to the same bytes twice', async () => {
      expect((await renderReportPdf(model, publication, OPTIONS)).equals(pdf)).toBe(true);
      expect((await renderReportXlsx(model, publication, OPTIONS)).equals(xlsx)).toBe(true);
      expect(renderReportHtml(model, publication, OPTIONS)).toBe(renderReportHtml(model, publication, OPTIONS));
    });
  });
});
