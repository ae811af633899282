import { ApiHarness } from '../support/api-harness';
import { KPIS, PILLARS, PLANS, PROJECTS, SECTIONS, USERS } from '../support/sample-ward';

const W = '/wards/taisho';
const FY = `${W}/cycles/2016`;
const taishoUsers = [
  ...USERS.map((u) => ({ ...u, wardId: 'taisho' })),
  { username: 'nerima-kikaku', role: 'planning_office' as const, wardId: 'nerima' },
];

/** Taisho ward's (Osaka) self-evaluation of FY H28 (seed 004) — A/B achievement, withdrawal criteria, a/b and ア/イ — through the same workflow. */
describe("a fiscal year in Taisho's scheme through the same workflow", () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start(taishoUsers);
  });
  afterAll(() => api.stop());

  const achievement = (grade: string) => (grade === 'B' ? 'B' : 'A');

  it('runs catalogue, submissions, a return and resubmission, approvals, Act, publication and a correction', async () => {
    const kikaku = await api.as('kikaku');
    for (const section of SECTIONS) await kikaku.post(`${W}/catalogue/sections`, section).expect(200);
    for (const pillar of PILLARS) await kikaku.post(`${W}/catalogue/pillars`, pillar).expect(200);
    for (const plan of PLANS) await kikaku.post(`${W}/catalogue/plans`, plan).expect(200);
    for (const project of PROJECTS) {
      await kikaku
        .post(`${W}/catalogue/projects`, {
          projectId: project.projectId,
          name: project.name,
          sectionId: project.sectionId,
          notSuitedForShortTermEvaluation: false,
          home: { planId: project.planId, sectionNo: project.sectionNo, sectionTitle: '取組' },
          reposts: project.repostIn ? [{ ...project.repostIn, sectionTitle: '再掲' }] : [],
        })
        .expect(200);
    }
    for (const { actual: _, ...kpi } of KPIS) await kikaku.post(`${W}/catalogue/kpis`, kpi).expect(200);
    await kikaku.post(FY, { scheme: 'taisho', deadline: '2017-05-31' }).expect(200);

    for (const project of PROJECTS) {
      const staff = await api.as(`staff-${project.sectionId}`);
      const rating = {
        scheme: 'taisho',
        achievement: achievement(project.grade),
        performanceTarget: '参加者の満足度 80%以上',
        withdrawalCriterion: '満足度が50%未満なら再構築',
        withdrawalCriterionHit: project.projectId === 'P23',
        ...(project.grade === 'B' ? { note: project.note } : {}),
      };
      await staff
        .post(`${FY}/projects/${project.projectId}/submission`, { actual: { text: '実施' }, rating })
        .expect(200);
    }
    const hoiku = await api.as('staff-hoiku');
    const wrongScheme = await hoiku.post(`${FY}/kpis/K1/submission`, {
      actual: { value: '計206所', asOf: '平成28年度末' },
      rating: { scheme: 'nerima', grade: 'A' },
    });
    expect(wrongScheme.status).toBe(422);
    expect(wrongScheme.body.code).toBe('RATING_SCHEME_MISMATCH');
    // Seed 004: a hit withdrawal criterion means the target was missed, so A is a contradiction.
    const contradiction = await hoiku.post(`${FY}/kpis/K1/submission`, {
      actual: { value: '計206所', asOf: '平成28年度末' },
      rating: {
        scheme: 'taisho',
        achievement: 'A',
        withdrawalCriterion: '50%以下なら再構築',
        withdrawalCriterionHit: true,
      },
    });
    expect(contradiction.status).toBe(422);
    expect(contradiction.body).toMatchObject({
      code: 'WITHDRAWAL_CRITERION_HIT_REQUIRES_B',
      field: 'rating.achievement',
      message: { ja: expect.stringContaining('撤退基準'), en: expect.stringContaining('withdrawal criterion') },
    });
    for (const kpi of KPIS) {
      const staff = await api.as(`staff-${kpi.sectionId}`);
      const rating =
        kpi.kpiId === 'K3'
          ? { scheme: 'taisho', achievement: 'B', note: '目標に届かず' }
          : { scheme: 'taisho', achievement: 'A' };
      await staff
        .post(`${FY}/kpis/${kpi.kpiId}/submission`, { actual: { value: kpi.actual, asOf: '平成28年度末' }, rating })
        .expect(200);
    }

    const iin = await api.as('iin');
    await iin
      .post(`${FY}/projects/P09/review`, { decision: 'return', comments: '撤退基準の判定根拠を記載してください。' })
      .expect(200);
    await hoiku
      .post(`${FY}/projects/P09/submission`, { actual: { text: '一部実施（判定根拠: 申請件数）' } })
      .expect(200);
    for (const project of PROJECTS)
      await iin.post(`${FY}/projects/${project.projectId}/review`, { decision: 'approve' }).expect(200);
    for (const kpi of KPIS) await iin.post(`${FY}/kpis/${kpi.kpiId}/review`, { decision: 'approve' }).expect(200);

    const missingEffectiveness = await kikaku.put(`${FY}/plans/12/assessment`, {
      issues: '認知度が低い',
      improvements: 'SNSでの発信を強化',
      progress: 'b',
    });
    expect(missingEffectiveness.status).toBe(422);
    await kikaku
      .put(`${FY}/plans/12/assessment`, {
        issues: '認知度が低い',
        improvements: 'SNSでの発信を強化',
        progress: 'b',
        effectiveness: 'revise',
      })
      .expect(200);
    await kikaku.post(`${FY}/closing`, {}).expect(200);
    await kikaku.post(`${FY}/publications`, {}).expect(200);

    const report = await api.http.get('/public/wards/taisho/reports/2016').expect(200);
    const summary = report.body.model.summary;
    // By hand: 25 of the 30 projects achieved (A), the 5 delayed ones not (B); KPIs 3 A, 1 B.
    expect(summary).toMatchObject({ scheme: 'taisho', total: 34, withdrawalCriteriaHit: 1, unrated: 0 });
    expect(summary.projects.map((r: { key: string; count: number }) => [r.key, r.count])).toEqual([
      ['A', 25],
      ['B', 5],
    ]);
    expect(summary.kpis.map((r: { key: string; count: number }) => [r.key, r.count])).toEqual([
      ['A', 3],
      ['B', 1],
    ]);
    const plan12 = report.body.model.pillars[1].plans[0];
    expect(plan12.assessment).toMatchObject({ progress: 'b', effectiveness: 'revise' });
    expect(
      plan12.projects.filter((r: { repost: boolean }) => r.repost).map((r: { projectId: string }) => r.projectId),
    ).toEqual(['P10']);
    expect(report.body.model.fiscalYearLabel).toBe('平成28年度（2016年度）');

    await kikaku
      .post(`${FY}/projects/P23/correction`, {
        rating: { scheme: 'taisho', achievement: 'A', withdrawalCriterionHit: false },
        reason: '判定の誤り',
      })
      .expect(200);
    await kikaku.post(`${FY}/corrections`, { reason: '戦略12の判定の訂正' }).expect(200);
    const corrected = await api.http.get('/public/wards/taisho/reports/2016').expect(200);
    expect(corrected.body.model.summary).toMatchObject({ withdrawalCriteriaHit: 0 });
    expect(corrected.body.model.summary.projects.map((r: { count: number }) => r.count)).toEqual([26, 4]);

    const trail = await (await api.as('kansa')).get(`${W}/audit/projects/P09?fiscalYear=2016`).expect(200);
    expect(trail.body.entries.map((e: { event: string; role: string }) => `${e.event}/${e.role}`)).toEqual([
      'CycleOpened/planning_office',
      'ActualSubmitted/section_staff',
      'ItemRated/section_staff',
      'SubmissionReturned/council_member',
      'ActualSubmitted/section_staff',
      'SubmissionApproved/council_member',
      'CycleClosed/planning_office',
      'ReportPublished/planning_office',
      'ReportCorrected/planning_office',
    ]);
  });

  it("keeps one ward's staff out of another ward's data", async () => {
    const nerima = await api.as('nerima-kikaku');
    const response = await nerima.get(`${W}/catalogue`);
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('OTHER_WARD');
  });
});
