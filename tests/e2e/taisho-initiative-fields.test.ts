import { ApiHarness } from '../support/api-harness';
import { KPIS, PILLARS, PLANS, PROJECTS, SECTIONS, USERS } from '../support/sample-ward';

const W = '/wards/taisho';
const FY = `${W}/cycles/2016`;
const ISSUES = 'フェイスブックのアカウント障害が7月中頃から12月中頃まで発生し、目標値に届かなかった。';
const IMPROVEMENTS = '掲載頻度を上げ、くらしの制度、子育て・健康情報など身近な情報も掲載する。';

/** Seed 004: the section writes each initiative's 課題 and 改善策; the report prints them in Taisho's own layout. */
describe('Taisho: the section records 課題・改善策 per initiative, and the report prints them', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start(USERS.map((u) => ({ ...u, wardId: 'taisho' })));
    const kikaku = await api.as('kikaku');
    for (const section of SECTIONS) await kikaku.post(`${W}/catalogue/sections`, section).expect(200);
    for (const pillar of PILLARS.slice(0, 1)) await kikaku.post(`${W}/catalogue/pillars`, pillar).expect(200);
    await kikaku.post(`${W}/catalogue/plans`, PLANS[0]).expect(200);
    const project = PROJECTS.find((p) => p.projectId === 'P04')!;
    await kikaku
      .post(`${W}/catalogue/projects`, {
        projectId: project.projectId,
        name: project.name,
        sectionId: project.sectionId,
        notSuitedForShortTermEvaluation: false,
        home: { planId: '1', sectionNo: '1-1-4', sectionTitle: '' },
        reposts: [],
      })
      .expect(200);
    const { actual: _, ...kpi } = KPIS[0];
    await kikaku.post(`${W}/catalogue/kpis`, kpi).expect(200);
    await kikaku.post(FY, { scheme: 'taisho', deadline: '2017-05-31' }).expect(200);
  });
  afterAll(() => api.stop());

  it('given an indicator, when its section sends 課題, then 422 names rating.issues and nothing is recorded', async () => {
    const hoiku = await api.as('staff-hoiku');
    const refused = await hoiku.post(`${FY}/kpis/K1/submission`, {
      actual: { value: '計206所', asOf: '平成28年度末' },
      rating: { scheme: 'taisho', achievement: 'A', issues: '回答率が低い。' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'INITIATIVE_FIELD_NOT_FOR_KPI',
      field: 'rating.issues',
      message: { ja: expect.stringContaining('具体的取組'), en: expect.stringContaining('initiative') },
    });
    const trail = await (await api.as('kansa')).get(`${W}/audit/kpis/K1?fiscalYear=2016`).expect(200);
    expect(trail.body.entries.map((e: { event: string }) => e.event)).toEqual(['CycleOpened']);
  });

  it('given an initiative, when an 改善策 comes without its 課題, then 422 names rating.issues', async () => {
    const hoiku = await api.as('staff-hoiku');
    const refused = await hoiku.post(`${FY}/projects/P04/submission`, {
      actual: { text: '9所' },
      rating: { scheme: 'taisho', achievement: 'B', note: '未達', improvements: IMPROVEMENTS },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'FIELD_REQUIRED', field: 'rating.issues' });
  });

  it("given an initiative, when its section submits 課題・改善策 and 予定どおり実施, then the planning office's draft report prints them in Taisho's words", async () => {
    const hoiku = await api.as('staff-hoiku');
    await hoiku
      .post(`${FY}/projects/P04/submission`, {
        actual: { text: '9所（定員485人）' },
        rating: {
          scheme: 'taisho',
          achievement: 'B',
          note: 'SNS の目標値に届かなかった。',
          performanceTarget: '必要な情報が発信されていると感じる区民の割合80%',
          implementedAsPlanned: true,
          issues: ISSUES,
          improvements: IMPROVEMENTS,
        },
      })
      .expect(200);
    const kikaku = await api.as('kikaku');
    const html = (await kikaku.get(`${FY}/report?format=html`).expect(200)).text;
    expect(html).toContain('第2部　具体的取組');
    expect(html).toContain(
      `<td>B　目標未達成（取組は予定どおり実施）\nSNS の目標値に届かなかった。</td><td>${ISSUES}</td><td>${IMPROVEMENTS}</td>`,
    );
    expect(html).not.toContain('アクションプラン');
    const json = (await kikaku.get(`${FY}/report?format=json`).expect(200)).body;
    expect(JSON.stringify(json)).toContain(`"issues":"${ISSUES}"`);
  });
});
