import { ApiHarness } from '../support/api-harness';

const W = '/wards/nerima';
const FY = `${W}/cycles/2022`;
const head = async (api: ApiHarness) => (await api.http.get('/health/ready')).body.details.eventStore.head as number;

/** A command body without its required object answered 500 (the handler read `undefined.text`). */
describe('a command without its required object', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start([
      { username: 'kikaku', role: 'planning_office' },
      { username: 'hoiku', role: 'section_staff', sectionId: 'hoiku' },
      { username: 'iin', role: 'council_member' },
    ]);
    const kikaku = await api.as('kikaku');
    await kikaku
      .post(`${W}/catalogue/sections`, { sectionId: 'hoiku', department: 'こども家庭部', name: '保育課' })
      .expect(200);
    await kikaku.post(`${W}/catalogue/pillars`, { pillarId: 'I', code: 'I', title: '子ども' }).expect(200);
    await kikaku.post(`${W}/catalogue/plans`, { planId: '1', code: '1', title: '子育て', pillarId: 'I' }).expect(200);
    await kikaku
      .post(`${W}/catalogue/projects`, {
        projectId: 'P1',
        name: '認可保育所',
        sectionId: 'hoiku',
        notSuitedForShortTermEvaluation: false,
        home: { planId: '1', sectionNo: '1', sectionTitle: '保育' },
      })
      .expect(200);
    await kikaku
      .post(`${W}/catalogue/kpis`, {
        kpiId: 'K1',
        planId: '1',
        indicator: '認可保育所数',
        kind: 'output',
        sectionId: 'hoiku',
        baseline: { value: '計197所', asOf: '令和4年4月1日' },
        target: { value: '計206所', asOf: '令和6年4月1日' },
      })
      .expect(200);
    await kikaku.post(`${W}/cycles/2022`, { scheme: 'nerima', deadline: '2023-05-31' }).expect(200);
    const hoiku = await api.as('hoiku');
    await hoiku
      .post(`${FY}/projects/P1/submission`, { actual: { text: '9所' }, rating: { scheme: 'nerima', grade: 'A' } })
      .expect(200);
  });
  afterAll(() => api.stop());

  it.each([
    ['hoiku', 'post', `${FY}/projects/P1/submission`, {}, 'actual'],
    ['hoiku', 'post', `${FY}/kpis/K1/submission`, { rating: { scheme: 'nerima', grade: 'A' } }, 'actual'],
    ['hoiku', 'put', `${FY}/projects/P1/rating`, {}, 'rating'],
    ['iin', 'post', `${FY}/projects/P1/review`, { decision: 'adjust', reason: '計画以上' }, 'rating'],
  ] as const)('%s %s %s %j → 400 naming %s, nothing appended', async (user, method, path, body, field) => {
    const client = await api.as(user);
    const before = await head(api);
    const response = await client[method](path, body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field,
      message: { ja: expect.stringContaining(field), en: expect.stringContaining(field) },
    });
    expect(await head(api)).toBe(before);
  });
});
