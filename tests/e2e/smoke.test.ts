import { ApiHarness } from '../support/api-harness';

describe('API smoke', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start([
      { username: 'kikaku', role: 'planning_office' },
      { username: 'hoiku', role: 'section_staff', sectionId: 'hoiku' },
      { username: 'iin', role: 'council_member' },
    ]);
  });
  afterAll(() => api.stop());

  it('runs one project through submit and approve', async () => {
    const kikaku = await api.as('kikaku');
    const w = '/wards/nerima';
    await kikaku
      .post(`${w}/catalogue/sections`, { sectionId: 'hoiku', department: 'こども家庭部', name: '保育課' })
      .expect(200);
    await kikaku
      .post(`${w}/catalogue/pillars`, { pillarId: 'I', code: 'I', title: '子どもたちの笑顔輝くまち' })
      .expect(200);
    await kikaku
      .post(`${w}/catalogue/plans`, {
        planId: '1',
        code: '1',
        title: '子育てのかたちを選択できる社会の実現',
        pillarId: 'I',
      })
      .expect(200);
    const registered = await kikaku.post(`${w}/catalogue/projects`, {
      projectId: 'P01-011',
      name: '認可保育所 計206所',
      home: { planId: '1', sectionNo: '3(1)', sectionTitle: '保育サービスの充実' },
      sectionId: 'hoiku',
      notSuitedForShortTermEvaluation: false,
    });
    expect(registered.status).toBe(200);
    await kikaku
      .put(`${w}/catalogue/projects/P01-011/annual-plans/2022`, {
        target: '計206所',
        statusAtPreviousYearEnd: '計197所',
        planned: '9所',
      })
      .expect(200);
    const opened = await kikaku.post(`${w}/cycles/2022`, { scheme: 'nerima', deadline: '2023-05-31' });
    expect(opened.body).toMatchObject({ events: ['CycleOpened'] });
    const hoiku = await api.as('hoiku');
    const submitted = await hoiku.post(`${w}/cycles/2022/projects/P01-011/submission`, {
      actual: { text: '9所（定員485人）' },
      rating: { scheme: 'nerima', grade: 'A' },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body.item).toMatchObject({ status: 'submitted', sectionRating: { grade: 'A' } });
    expect(submitted.headers.etag).toBe('"1"');
    const iin = await api.as('iin');
    const approved = await iin.post(`${w}/cycles/2022/projects/P01-011/review`, { decision: 'approve' });
    expect(approved.body.item.status).toBe('approved');
    const bad = await hoiku.post(`${w}/cycles/2022/projects/P01-011/submission`, { actual: { text: 5 }, extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const docs = await api.http.get('/docs/openapi.json');
    expect(docs.status).toBe(200);
  });
});
