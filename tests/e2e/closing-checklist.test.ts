import { ApiHarness } from '../support/api-harness';
import { ManualClock } from '../support/manual-clock';

const W = '/wards/nerima';
const FY = `${W}/cycles/2022`;
const USERS = [
  { username: 'kikaku', role: 'planning_office' as const },
  { username: 'iin', role: 'council_member' as const },
  { username: 'kansa', role: 'auditor' as const },
  { username: 'hoiku', role: 'section_staff' as const, sectionId: 'hoiku' },
  { username: 'kosodate', role: 'section_staff' as const, sectionId: 'kosodate' },
];
const rated = (text: string) => ({ actual: { text }, rating: { scheme: 'nerima', grade: 'A' } });

describe('closing with outstanding items, reopening, exclusions (through HTTP)', () => {
  const clock = new ManualClock(new Date('2023-04-03T00:00:00Z'));
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start(USERS, { clock });
    const kikaku = await api.as('kikaku');
    await kikaku
      .post(`${W}/catalogue/sections`, { sectionId: 'hoiku', department: 'こども家庭部', name: '保育課' })
      .expect(200);
    await kikaku
      .post(`${W}/catalogue/sections`, { sectionId: 'kosodate', department: 'こども家庭部', name: '子育て支援課' })
      .expect(200);
    await kikaku
      .post(`${W}/catalogue/pillars`, { pillarId: 'I', code: 'I', title: '子どもたちの笑顔輝くまち' })
      .expect(200);
    await kikaku.post(`${W}/catalogue/plans`, { planId: '1', code: '1', title: '子育て', pillarId: 'I' }).expect(200);
    for (const [projectId, sectionId] of [
      ['P1', 'hoiku'],
      ['P2', 'hoiku'],
      ['P3', 'kosodate'],
    ]) {
      await kikaku
        .post(`${W}/catalogue/projects`, {
          projectId,
          name: `取組${projectId}`,
          home: { planId: '1', sectionNo: '1', sectionTitle: '保育' },
          sectionId,
          notSuitedForShortTermEvaluation: false,
        })
        .expect(200);
    }
    await kikaku
      .post(`${W}/catalogue/kpis`, {
        kpiId: 'K1',
        planId: '1',
        indicator: '認可保育所の数',
        kind: 'output',
        sectionId: 'hoiku',
        baseline: { value: '計197所', asOf: '令和4年4月1日' },
        target: { value: '計206所', asOf: '令和6年4月1日' },
      })
      .expect(200);
    await kikaku.post(FY, { scheme: 'nerima', deadline: '2023-05-31' }).expect(200);
    const hoiku = await api.as('hoiku');
    await hoiku.post(`${FY}/projects/P1/submission`, rated('9所')).expect(200);
    await hoiku.put(`${FY}/projects/P2/draft`, { actual: { text: '下書き' } }).expect(200);
    await hoiku.post(`${FY}/kpis/K1/submission`, { actual: { value: '計206所', asOf: '令和4年度末' } }).expect(200);
    await (await api.as('iin')).post(`${FY}/projects/P1/review`, { decision: 'approve' }).expect(200);
  });
  afterAll(() => api.stop());

  it('closing with outstanding items answers 409 OUTSTANDING_ITEMS listing every item and section, and appends nothing', async () => {
    const kikaku = await api.as('kikaku');
    const before = (await kikaku.get(FY).expect(200)).body.revision;
    const refused = await kikaku.post(`${FY}/closing`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('OUTSTANDING_ITEMS');
    expect(refused.body.details).toEqual({
      items: [
        { kind: 'project', itemId: 'P2', name: '取組P2', sectionId: 'hoiku', sectionName: '保育課', status: 'draft' },
        {
          kind: 'project',
          itemId: 'P3',
          name: '取組P3',
          sectionId: 'kosodate',
          sectionName: '子育て支援課',
          status: 'not_started',
        },
      ],
      sections: [
        { sectionId: 'hoiku', sectionName: '保育課', outstanding: 1 },
        { sectionId: 'kosodate', sectionName: '子育て支援課', outstanding: 1 },
      ],
    });
    expect((await kikaku.get(FY).expect(200)).body).toMatchObject({ status: 'open', revision: before });
  });

  it('closes anyway with confirmOutstanding: true; publication is then refused while items are not approved', async () => {
    const kikaku = await api.as('kikaku');
    const closed = await kikaku.post(`${FY}/closing`, { confirmOutstanding: true }).expect(200);
    expect(closed.body).toMatchObject({ events: ['CycleClosed'], cycle: { status: 'closed' } });
    expect((await kikaku.post(`${FY}/publications`, {})).body.code).toBe('ITEMS_NOT_APPROVED');
    expect((await (await api.as('hoiku')).post(`${FY}/projects/P2/submission`, rated('8所'))).status).toBe(409);
  });

  it('the planning office reopens the closed year with a reason, visible in the audit trail', async () => {
    const kikaku = await api.as('kikaku');
    expect((await kikaku.post(`${FY}/reopening`, {})).status).toBe(400);
    const reopened = await kikaku.post(`${FY}/reopening`, { reason: '未提出の課があったため受付を再開' }).expect(200);
    expect(reopened.body).toMatchObject({ events: ['CycleReopened'], cycle: { status: 'open' } });
    expect((await kikaku.post(`${FY}/reopening`, { reason: 'もう一度' })).body.code).toBe('CYCLE_STATUS');
    expect((await (await api.as('hoiku')).post(`${FY}/reopening`, { reason: 'x' })).status).toBe(403);
    const trail = await (await api.as('kansa')).get(`${W}/audit/projects/P1?fiscalYear=2022`).expect(200);
    const reopening = trail.body.entries.find((e: { event: string }) => e.event === 'CycleReopened');
    expect(reopening).toMatchObject({ actor: 'kikaku', role: 'planning_office' });
    expect(JSON.stringify(reopening)).toContain('未提出の課があったため受付を再開');
  });

  it('an item taken out of scope with a reason no longer blocks publication nor appears in the report', async () => {
    const kikaku = await api.as('kikaku');
    expect((await kikaku.post(`${FY}/exclusions`, { kind: 'project', itemId: 'P3' })).status).toBe(400);
    expect((await kikaku.post(`${FY}/exclusions`, { kind: 'project', itemId: 'P9', reason: 'x' })).status).toBe(404);
    await kikaku
      .post(`${FY}/exclusions`, { kind: 'project', itemId: 'P3', reason: '年度途中で事業を廃止したため' })
      .expect(200);
    const items = (await kikaku.get(`${FY}/items`).expect(200)).body.items.map((i: { itemId: string }) => i.itemId);
    expect(items).toEqual(['P1', 'P2', 'K1']);
    expect((await kikaku.get(`${FY}/report/summary`).expect(200)).body.total).toBe(2);
    expect((await (await api.as('kosodate')).get(`${FY}/inbox`).expect(200)).body).toMatchObject({ due: [], late: [] });
    expect((await (await api.as('kosodate')).post(`${FY}/projects/P3/submission`, rated('x'))).status).toBe(404);
    const exportTrail = await (await api.as('kansa')).get(`${W}/audit/cycles/2022`).expect(200);
    expect(exportTrail.body.entries.map((e: { event: string }) => e.event)).toContain('ItemExcluded');

    await (await api.as('hoiku')).post(`${FY}/projects/P2/submission`, rated('8所')).expect(200);
    const iin = await api.as('iin');
    await iin.post(`${FY}/projects/P2/review`, { decision: 'approve' }).expect(200);
    await iin.post(`${FY}/kpis/K1/review`, { decision: 'approve' }).expect(200);
    await kikaku.post(`${FY}/closing`, {}).expect(200);
    await kikaku.post(`${FY}/publications`, {}).expect(200);
    const report = await api.http.get(`/public${W}/reports/2022?format=json`).expect(200);
    expect(JSON.stringify(report.body)).not.toContain('取組P3');
    expect(JSON.stringify(report.body)).toContain('取組P2');
    const csv = await api.http.get(`/public${W}/reports/2022?format=csv&table=projects`).expect(200);
    expect(csv.text).not.toContain('取組P3');
    expect((await kikaku.post(`${FY}/exclusions`, { kind: 'project', itemId: 'P2', reason: '公表後' })).body.code).toBe(
      'CYCLE_STATUS',
    );
  });

  it("lists the ward's cycles newest first", async () => {
    const kikaku = await api.as('kikaku');
    await kikaku.post(`${W}/cycles/2023`, { scheme: 'nerima', deadline: '2024-05-31' }).expect(200);
    const list = await (await api.as('hoiku')).get(`${W}/cycles`).expect(200);
    expect(list.body).toEqual([
      {
        fiscalYear: 2023,
        status: 'open',
        scheme: 'nerima',
        deadline: '2024-05-31T14:59:59.999Z',
        openedAt: expect.any(String),
      },
      {
        fiscalYear: 2022,
        status: 'published',
        scheme: 'nerima',
        deadline: '2023-05-31T14:59:59.999Z',
        openedAt: '2023-04-03T00:00:00.000Z',
        publishedVersions: 1,
      },
    ]);
  });
});
