import { ApiHarness } from '../support/api-harness';

const W = '/wards/taisho';
const FY = `${W}/cycles/2016`;

/** Taisho ward (Osaka) self-evaluation of FY H28 (seed 004): A/B achievement, withdrawal criteria, a/b and ア/イ per strategy. */
describe('a fiscal year in Taisho\'s scheme through the same workflow', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start([
      { username: 'taisho-kikaku', role: 'planning_office', wardId: 'taisho' },
      { username: 'taisho-iin', role: 'council_member', wardId: 'taisho' },
      { username: 'taisho-chiiki', role: 'section_staff', wardId: 'taisho', sectionId: 'chiiki' },
      { username: 'nerima-kikaku', role: 'planning_office', wardId: 'nerima' },
    ]);
  });
  afterAll(() => api.stop());

  it('runs submit, review, Act and publish with Taisho ratings and counts A/B', async () => {
    const kikaku = await api.as('taisho-kikaku');
    await kikaku.post(`${W}/catalogue/sections`, { sectionId: 'chiiki', department: '協働まちづくり課', name: '地域活動支援' }).expect(200);
    await kikaku.post(`${W}/catalogue/pillars`, { pillarId: 'I', code: 'I', title: '地域のまちづくりの推進' }).expect(200);
    await kikaku.post(`${W}/catalogue/plans`, { planId: '1-1', code: '1-1', title: '地域活動協議会の運営支援', pillarId: 'I' }).expect(200);
    const initiatives = ['T1', 'T2', 'T3', 'T4'];
    for (const id of initiatives) {
      await kikaku.post(`${W}/catalogue/projects`, { projectId: id, name: `取組${id}`, home: { planId: '1-1', sectionNo: '1', sectionTitle: '地域活動協議会' }, sectionId: 'chiiki', notSuitedForShortTermEvaluation: false }).expect(200);
    }
    await kikaku.post(`${W}/catalogue/kpis`, { kpiId: 'O1', planId: '1-1', indicator: '地域活動協議会を知っている区民の割合', kind: 'outcome', sectionId: 'chiiki', baseline: { value: '28.5%', asOf: '平成27年度' }, target: { value: '50%', asOf: '平成29年度' } }).expect(200);
    await kikaku.post(FY, { scheme: 'taisho', deadline: '2017-05-31' }).expect(200);

    const staff = await api.as('taisho-chiiki');
    const achievements: Record<string, 'A' | 'B'> = { T1: 'A', T2: 'A', T3: 'B', T4: 'A' };
    for (const id of initiatives) {
      const rating = {
        scheme: 'taisho', achievement: achievements[id], performanceTarget: '参加者の満足度 80%以上', withdrawalCriterion: '満足度が50%未満なら再構築',
        withdrawalCriterionHit: id === 'T3', ...(achievements[id] === 'B' ? { note: '参加者数が伸びなかった' } : {}),
      };
      await staff.post(`${FY}/projects/${id}/submission`, { actual: { text: '実施' }, rating }).expect(200);
    }
    const nerimaRating = await staff.post(`${FY}/kpis/O1/submission`, { actual: { value: '31.2%', asOf: '平成28年度' }, rating: { scheme: 'nerima', grade: 'A' } });
    expect(nerimaRating.status).toBe(422);
    expect(nerimaRating.body.code).toBe('RATING_SCHEME_MISMATCH');
    await staff.post(`${FY}/kpis/O1/submission`, { actual: { value: '31.2%', asOf: '平成28年度' }, rating: { scheme: 'taisho', achievement: 'B', note: '目標に届かず' } }).expect(200);

    const iin = await api.as('taisho-iin');
    for (const id of initiatives) await iin.post(`${FY}/projects/${id}/review`, { decision: 'approve' }).expect(200);
    await iin.post(`${FY}/kpis/O1/review`, { decision: 'approve' }).expect(200);

    const missingEffectiveness = await kikaku.put(`${FY}/plans/1-1/assessment`, { issues: '認知度が低い', improvements: 'SNSでの発信を強化', progress: 'b' });
    expect(missingEffectiveness.status).toBe(422);
    await kikaku.put(`${FY}/plans/1-1/assessment`, { issues: '認知度が低い', improvements: 'SNSでの発信を強化', progress: 'b', effectiveness: 'revise' }).expect(200);
    await kikaku.post(`${FY}/closing`, {}).expect(200);
    await kikaku.post(`${FY}/publications`, {}).expect(200);

    const report = await api.http.get('/public/wards/taisho/reports/2016').expect(200);
    const summary = report.body.model.summary;
    expect(summary).toMatchObject({ scheme: 'taisho', total: 5, withdrawalCriteriaHit: 1, unrated: 0 });
    expect(summary.projects.map((r: { key: string; count: number }) => [r.key, r.count])).toEqual([['A', 3], ['B', 1]]);
    expect(summary.kpis.map((r: { key: string; count: number }) => [r.key, r.count])).toEqual([['A', 0], ['B', 1]]);
    expect(report.body.model.pillars[0].plans[0].assessment).toMatchObject({ progress: 'b', effectiveness: 'revise' });
    expect(report.body.model.fiscalYearLabel).toBe('平成28年度（2016年度）');
  });

  it("keeps one ward's staff out of another ward's data", async () => {
    const nerima = await api.as('nerima-kikaku');
    const response = await nerima.get(`${W}/catalogue`);
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('OTHER_WARD');
  });
});
