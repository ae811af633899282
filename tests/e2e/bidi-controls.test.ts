import { ApiHarness } from '../support/api-harness';

const W = '/wards/nerima';
const USERS = [{ username: 'kikaku', role: 'planning_office' as const }];
const head = async (api: ApiHarness) => (await api.http.get('/health/ready')).body.details.eventStore.head as number;

/** Trojan Source (CVE-2021-42574): text that displays in another order than it is stored. */
describe('bidirectional control characters in command text', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start(USERS);
    const kikaku = await api.as('kikaku');
    await kikaku
      .post(`${W}/catalogue/sections`, { sectionId: 'hoiku', department: 'こども家庭部', name: '保育課' })
      .expect(200);
    await kikaku.post(`${W}/catalogue/pillars`, { pillarId: 'I', code: 'I', title: '子ども' }).expect(200);
    await kikaku.post(`${W}/catalogue/plans`, { planId: '1', code: '1', title: '子育て', pillarId: 'I' }).expect(200);
  });
  afterAll(() => api.stop());

  const controls = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'].map(
    (c) => [c.codePointAt(0)!.toString(16).toUpperCase(), c],
  );
  it.each(controls)('refuses U+%s with 400 naming the field, and appends nothing', async (_, control) => {
    const kikaku = await api.as('kikaku');
    const before = await head(api);
    const response = await kikaku.post(`${W}/catalogue/projects`, {
      projectId: 'P1',
      name: '認可保育所',
      sectionId: 'hoiku',
      notSuitedForShortTermEvaluation: false,
      home: { planId: '1', sectionNo: '1', sectionTitle: `保育${control}サービス` },
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'home.sectionTitle',
      message: { ja: expect.stringContaining('home.sectionTitle'), en: expect.stringContaining('bidirectional') },
    });
    expect(await head(api)).toBe(before);
  });

  it('names every field that holds one, in arrays too', async () => {
    const kikaku = await api.as('kikaku');
    const response = await kikaku.post(`${W}/catalogue/projects`, {
      projectId: 'P1',
      name: 'evil\u202Etxt.exe',
      sectionId: 'hoiku',
      notSuitedForShortTermEvaluation: false,
      home: { planId: '1', sectionNo: '1', sectionTitle: '保育' },
      reposts: [{ planId: '1', sectionNo: '2', sectionTitle: '\u2067再掲' }],
    });
    expect(response.status).toBe(400);
    expect(response.body.details.errors.map((e: { field: string }) => e.field)).toEqual([
      'name',
      'reposts.0.sectionTitle',
    ]);
  });

  it('accepts ordinary Japanese text', async () => {
    const kikaku = await api.as('kikaku');
    await kikaku
      .post(`${W}/catalogue/projects`, {
        projectId: 'P2',
        name: '髙﨑の保育所（計206所）',
        sectionId: 'hoiku',
        notSuitedForShortTermEvaluation: false,
        home: { planId: '1', sectionNo: '1', sectionTitle: '保育' },
      })
      .expect(200);
  });
});
