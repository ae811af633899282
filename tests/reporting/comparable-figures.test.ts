import { execFileSync } from 'node:child_process';
import { Workbook } from 'exceljs';
import {
  openDataTables,
  renderReportCsv,
  renderReportHtml,
  renderReportJson,
  renderReportPdf,
  renderReportXlsx,
  ReportOptions,
  TEMPLATE_VERSION,
} from '@pdca/reporting';
import { NERIMA_WARD } from './support/nerima-ward';
import { publicationFor, reportModelFrom } from './support/report-fixture';
import { NERIMA } from './support/reports';

/** FY R4's K01-03 as the ward printed it: the year's increment, then the running total in brackets. */
const INCREMENT = '9所 (定員485人) 〔計206所〕 〔定員計17,447人※〕';
const ward = {
  ...NERIMA_WARD,
  kpis: NERIMA_WARD.kpis.map((spec) => (spec.kpi.kpiId === 'K01-01' ? { ...spec, actual: INCREMENT } : spec)),
};
const { model, position, streams } = reportModelFrom(ward);
const publication = publicationFor(position, streams);
const PINNED = { ...publication, templateVersion: 'report-template/4' };
const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
const kpiRow = (text: string) =>
  text.split('\n').find((line) => line.includes('認可保育所の増設') && line.includes('9所'));

describe(`達成度 on the figure written like the target (${TEMPLATE_VERSION})`, () => {
  it('given an actual written as the increment with its total, prints 100 % in every format, not −2088.9 %', async () => {
    expect(kpiRow(pdfText(await renderReportPdf(model, publication, NERIMA)))).toMatch(/100%\s*$/);
    expect(renderReportHtml(model, publication, NERIMA)).not.toContain('-2088.9');
    const json = renderReportJson(model, publication, NERIMA);
    expect(json.pillars[0].plans[0].kpis.find((kpi) => kpi.id === 'K01-01')?.achievementPercent).toBe(100);
    expect(renderReportCsv(model, publication).kpis).toMatch(/認可保育所の増設.*,100(,|\r\n)/);
    const values = openDataTables({ model, publication, wardName: '練馬区', fingerprint: 'sha256:x', versions: [] });
    expect(JSON.stringify(values)).not.toContain('-2088.9');
  });

  it('表の見方 says how 達成度 reads a value written with its total in brackets, in HTML, PDF and Excel alike', async () => {
    const rule = '目標値（計206所）と同じ書き方の数値';
    const guide = (html: string) => html.slice(html.indexOf('id="reading-guide"'), html.indexOf('id="summary"'));
    expect(guide(renderReportHtml(model, publication, NERIMA))).toMatch(
      new RegExp(
        `<dt>達成度</dt><dd>[^<]*「9所 \\(定員485人\\) 〔計206所〕」[^<]*${rule}[^<]*（〔計206所〕）で比べます。`,
      ),
    );
    expect(pdfText(await renderReportPdf(model, publication, NERIMA)).replace(/\s+/g, '')).toContain(rule);
    const workbook = new Workbook();
    await workbook.xlsx.load(new Uint8Array(await renderReportXlsx(model, publication, NERIMA)).buffer);
    const sheet = workbook.getWorksheet('表の見方')!;
    const row = sheet.getColumn(1).values.indexOf('達成度');
    expect(sheet.getRow(row).getCell(2).text).toContain(rule);
    expect(guide(renderReportHtml(model, PINNED, NERIMA))).not.toContain(rule);
  });

  it('given a version pinned to report-template/4, prints what it was published with (bytes kept)', async () => {
    expect(kpiRow(pdfText(await renderReportPdf(model, PINNED, NERIMA)))).toMatch(/-2088\.9%\s*$/);
    expect(renderReportJson(model, PINNED, NERIMA).pillars[0].plans[0].kpis[0].achievementPercent).toBe(-2088.9);
  });

  it('prints the table and chart over the years only once there are two years: one year would repeat Part 1’s table', () => {
    const oneYear = renderReportHtml(model, publication, NERIMA);
    expect(oneYear).not.toContain('kpi-years-plan-1');
    expect(oneYear).not.toContain('年度別実績');
    const pinned = renderReportHtml(model, PINNED, NERIMA);
    expect(pinned).toContain('<table id="kpi-years-plan-1"');
    expect(pinned).toContain('chart-kpi-years-plan-1');
    const history: ReportOptions['kpiHistory'] = {
      'K01-01': [{ fiscalYear: 2021, actual: '3所 〔計199所〕', number: 3 }],
    };
    const twoYears = renderReportHtml(model, publication, { ...NERIMA, kpiHistory: history });
    expect(twoYears).toContain('<table id="kpi-years-plan-1"');
    // Each year's total against the target, not the year's increment (3 ÷ 206 = 1.5 %).
    expect(twoYears).toContain('認可保育所の増設：令和3年度（2021年度） 96.6%、令和4年度（2022年度） 100%。');
  });
});
