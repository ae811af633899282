import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiHarness } from '../support/api-harness';
import { rawBytes } from '../support/raw-bytes';

const W = '/wards/nerima';
const FY = `${W}/cycles/2022`;
const USERS = [
  { username: 'kikaku', role: 'planning_office' as const },
  { username: 'iin', role: 'council_member' as const },
  { username: 'hoiku', role: 'section_staff' as const, sectionId: 'hoiku' },
];
/** Set-up: the PDF works after `npm install` alone; without a usable font it is a 503, never a 500. */
describe('the public PDF and its font', () => {
  let api: ApiHarness;
  const saved = process.env.REPORT_FONT_PATH;
  const dir = mkdtempSync(join(tmpdir(), 'pdca-font-e2e-'));

  beforeAll(async () => {
    delete process.env.REPORT_FONT_PATH;
    api = await ApiHarness.start(USERS);
    const kikaku = await api.as('kikaku');
    await kikaku
      .post(`${W}/catalogue/sections`, { sectionId: 'hoiku', department: 'こども家庭部', name: '保育課' })
      .expect(200);
    await kikaku
      .post(`${W}/catalogue/pillars`, { pillarId: 'I', code: 'I', title: '子どもたちの笑顔輝くまち' })
      .expect(200);
    await kikaku.post(`${W}/catalogue/plans`, { planId: '1', code: '1', title: '子育て', pillarId: 'I' }).expect(200);
    await kikaku
      .post(`${W}/catalogue/projects`, {
        projectId: 'P1',
        name: '髙﨑の保育所',
        home: { planId: '1', sectionNo: '1', sectionTitle: '保育' },
        sectionId: 'hoiku',
        notSuitedForShortTermEvaluation: false,
      })
      .expect(200);
    await kikaku.post(FY, { scheme: 'nerima', deadline: '2023-05-31' }).expect(200);
    await (
      await api.as('hoiku')
    )
      .post(`${FY}/projects/P1/submission`, { actual: { text: '9所' }, rating: { scheme: 'nerima', grade: 'A' } })
      .expect(200);
    await (await api.as('iin')).post(`${FY}/projects/P1/review`, { decision: 'approve' }).expect(200);
    await kikaku.post(`${FY}/closing`, {}).expect(200);
    await kikaku.post(`${FY}/publications`, {}).expect(200);
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.REPORT_FONT_PATH;
    else process.env.REPORT_FONT_PATH = saved;
    rmSync(dir, { recursive: true, force: true });
    await api.stop();
  });

  it('renders with the font shipped by npm, no system font needed', async () => {
    const response = await api.http.get(`/public${W}/reports/2022?format=pdf`).buffer(true).parse(rawBytes);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect((response.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it.each([
    ['missing', () => join(dir, 'absent.ttf')],
    ['broken', () => (writeFileSync(join(dir, 'broken.ttf'), 'no font here'), join(dir, 'broken.ttf'))],
  ])('a %s font is 503 REPORT_FONT_UNAVAILABLE with a clear message; the other formats still work', async (_, path) => {
    process.env.REPORT_FONT_PATH = path();
    const response = await api.http.get(`/public${W}/reports/2022?format=pdf`);
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({
      statusCode: 503,
      code: 'REPORT_FONT_UNAVAILABLE',
      message: { ja: expect.stringContaining('フォント'), en: expect.stringContaining('REPORT_FONT_PATH') },
    });
    expect(JSON.stringify(response.body)).not.toContain(dir);
    await api.http.get(`/public${W}/reports/2022?format=html`).expect(200);
  });
});
