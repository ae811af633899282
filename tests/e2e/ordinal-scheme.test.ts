import ExcelJS from 'exceljs';
import { pdfPageTexts } from '../reporting/support/pdf-text';
import { ApiHarness } from '../support/api-harness';
import { KPIS, PILLARS, PLANS, PROJECTS, SECTIONS, USERS } from '../support/sample-ward';

const W = '/wards/nerima';
const FY = `${W}/cycles/2024`;
const REPORT = '/public/wards/nerima/reports/2024';

/** A ward's own five grades, best first; C and D need a reason (備考). */
const SCALE = {
  grades: [
    { code: 'S', label: '計画を大きく上回った', labelEn: 'Far ahead of plan' },
    { code: 'A', label: '計画どおり進んだ', labelEn: 'On plan' },
    { code: 'B', label: '長期的に評価する', labelEn: 'Judged over the long term' },
    { code: 'C', label: '計画より遅れた', labelEn: 'Behind plan' },
    { code: 'D', label: '今年度は取組がなかった', labelEn: 'Nothing this year' },
  ],
  reasonRequired: ['C', 'D'],
};

/** The sample ward's Nerima grades, re-expressed on the ward's own scale. */
const GRADE = { 'A+': 'S', A: 'A', '*': 'B', B: 'C', '-': 'D' } as const;

/** A third scheme through the same workflow: open with the scale, submit, return, approve, close, publish, read every format. */
describe('a fiscal year on a ward-defined ordinal scale (S/A/B/C/D)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start([...USERS]);
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
          notSuitedForShortTermEvaluation: project.grade === '*',
          home: { planId: project.planId, sectionNo: project.sectionNo, sectionTitle: '取組' },
          reposts: project.repostIn ? [{ ...project.repostIn, sectionTitle: '再掲' }] : [],
        })
        .expect(200);
    }
    for (const { actual: _, ...kpi } of KPIS) await kikaku.post(`${W}/catalogue/kpis`, kpi).expect(200);
  }, 120_000);
  afterAll(() => api.stop());

  it.each([
    [
      'a duplicate grade',
      { ...SCALE, grades: [...SCALE.grades, { code: 'A', label: '再び A' }] },
      'SCALE_GRADE_DUPLICATE',
      'ordinalScale.grades[5].code',
      '重複',
    ],
    [
      'an empty label',
      { ...SCALE, grades: SCALE.grades.map((g, i) => (i === 2 ? { code: g.code, label: '  ' } : g)) },
      'SCALE_LABEL_EMPTY',
      'ordinalScale.grades[2].label',
      '説明',
    ],
    [
      'a reason-required grade not on the scale',
      { ...SCALE, reasonRequired: ['C', 'E'] },
      'SCALE_REASON_GRADE_UNKNOWN',
      'ordinalScale.reasonRequired[1]',
      '評価段階にありません',
    ],
    ['no scale at all', undefined, 'SCALE_REQUIRED', 'ordinalScale', 'ordinalScale'],
  ])(
    'refuses to open with %s: 400 naming the field in Japanese and English, nothing appended',
    async (_, ordinalScale, code, field, ja) => {
      const kikaku = await api.as('kikaku');
      const response = await kikaku.post(FY, {
        scheme: 'ordinal',
        deadline: '2025-05-31',
        ...(ordinalScale ? { ordinalScale } : {}),
      });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code,
        field,
        message: { ja: expect.stringContaining(ja), en: expect.stringContaining(field) },
      });
      await kikaku.get(FY).expect(404);
    },
  );

  it('refuses a scale for a scheme that has none (400, ordinalScale)', async () => {
    const response = await (
      await api.as('kikaku')
    ).post(FY, { scheme: 'nerima', deadline: '2025-05-31', ordinalScale: SCALE });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'SCALE_NOT_FOR_SCHEME', field: 'ordinalScale' });
  });

  it('runs the cycle on the scale and publishes its report with the scale’s labels in every format', async () => {
    const kikaku = await api.as('kikaku');
    await kikaku.post(FY, { scheme: 'ordinal', deadline: '2025-05-31', ordinalScale: SCALE }).expect(200);
    expect((await kikaku.get(FY).expect(200)).body).toMatchObject({ scheme: 'ordinal', ordinalScale: SCALE });

    const hoiku = await api.as('staff-hoiku');
    const offScale = await hoiku.post(`${FY}/projects/P04/submission`, {
      actual: { text: '実施' },
      rating: { scheme: 'ordinal', grade: 'E' },
    });
    expect(offScale.status).toBe(422);
    expect(offScale.body).toMatchObject({ code: 'GRADE_NOT_ON_SCALE', field: 'rating.grade' });
    const noReason = await hoiku.post(`${FY}/projects/P06/submission`, {
      actual: { text: '実施' },
      rating: { scheme: 'ordinal', grade: 'C' },
    });
    expect(noReason.status).toBe(422);
    expect(noReason.body).toMatchObject({ code: 'FIELD_REQUIRED', field: 'rating.note' });
    const otherScheme = await hoiku.post(`${FY}/projects/P04/submission`, {
      actual: { text: '実施' },
      rating: { scheme: 'nerima', grade: 'A' },
    });
    expect(otherScheme.body.code).toBe('RATING_SCHEME_MISMATCH');
    const kpiRated = await hoiku.post(`${FY}/kpis/K1/submission`, {
      actual: { value: '計206所', asOf: '令和6年度末' },
      rating: { scheme: 'ordinal', grade: 'A' },
    });
    expect(kpiRated.body.code).toBe('RATING_NOT_APPLICABLE');

    for (const project of PROJECTS) {
      const grade = GRADE[project.grade];
      const note = SCALE.reasonRequired.includes(grade) ? (project.note ?? '今年度は計画がなかったため。') : undefined;
      const rating = { scheme: 'ordinal', grade, ...(note ? { note } : {}) };
      await (
        await api.as(`staff-${project.sectionId}`)
      )
        .post(`${FY}/projects/${project.projectId}/submission`, { actual: { text: '実施' }, rating })
        .expect(200);
    }
    for (const kpi of KPIS) {
      await (
        await api.as(`staff-${kpi.sectionId}`)
      )
        .post(`${FY}/kpis/${kpi.kpiId}/submission`, { actual: { value: kpi.actual, asOf: '令和6年度末' } })
        .expect(200);
    }

    const iin = await api.as('iin');
    await iin
      .post(`${FY}/projects/P09/review`, { decision: 'return', comments: '遅れの理由を具体的に記載してください。' })
      .expect(200);
    await hoiku
      .post(`${FY}/projects/P09/submission`, {
        actual: { text: '一部実施' },
        rating: { scheme: 'ordinal', grade: 'C', note: '申請システムの選定をやり直したため。' },
      })
      .expect(200);
    await iin
      .post(`${FY}/projects/P28/review`, {
        decision: 'adjust',
        rating: { scheme: 'ordinal', grade: 'A' },
        reason: '前倒しは計画の範囲内',
      })
      .expect(200);
    for (const project of PROJECTS.filter((p) => p.projectId !== 'P28'))
      await iin.post(`${FY}/projects/${project.projectId}/review`, { decision: 'approve' }).expect(200);
    for (const kpi of KPIS) await iin.post(`${FY}/kpis/${kpi.kpiId}/review`, { decision: 'approve' }).expect(200);
    await kikaku.post(`${FY}/closing`, {}).expect(200);
    await kikaku.post(`${FY}/publications`, {}).expect(200);

    // By hand: S 3−1 (P28 adjusted to A), A 18+1, B 2 (the * projects), C 5, D 2 of 30 projects.
    const published = await api.http.get(REPORT).expect(200);
    const summary = published.body.model.summary;
    expect(summary).toMatchObject({ scheme: 'ordinal', total: 30, unrated: 0 });
    expect(
      summary.rows.map((r: { key: string; label: string; count: number; share: number }) => [
        r.key,
        r.label,
        r.count,
        r.share,
      ]),
    ).toEqual([
      ['S', '計画を大きく上回った', 2, 7],
      ['A', '計画どおり進んだ', 19, 63],
      ['B', '長期的に評価する', 2, 7],
      ['C', '計画より遅れた', 5, 17],
      ['D', '今年度は取組がなかった', 2, 7],
    ]);

    const json = (await api.http.get(`${REPORT}?format=json`).expect(200)).body;
    expect(json.scheme).toBe('ordinal');
    expect(json.summary.ratings.map((r: { code: string; count: number }) => `${r.code}${r.count}`)).toEqual([
      'S2',
      'A19',
      'B2',
      'C5',
      'D2',
    ]);
    const p09 = json.pillars[0].plans[0].projects.find((p: { id: string }) => p.id === 'P09');
    expect(p09.rating).toEqual({
      scheme: 'ordinal',
      grade: 'C',
      label: '計画より遅れた',
      note: '申請システムの選定をやり直したため。',
    });

    const html = (await api.http.get(`${REPORT}?format=html`).expect(200)).text;
    for (const grade of SCALE.grades) expect(html).toContain(grade.label);
    expect(html).toContain('「評価」欄の記号');

    const projectsCsv = (await api.http.get(`${REPORT}?format=csv&table=projects`).expect(200)).text;
    expect(projectsCsv.split('\r\n')[0]).toContain('評価,評価の内容');
    expect(projectsCsv).toContain('C,計画より遅れた');
    const summaryCsv = (await api.http.get(`${REPORT}?format=csv&table=summary`).expect(200)).text;
    expect(summaryCsv).toContain('評価,S,計画を大きく上回った,2,7');

    const pdf = await api.http.get(`${REPORT}?format=pdf`).responseType('blob').expect(200);
    const text = pdfPageTexts(pdf.body as Buffer)
      .join('')
      .replace(/\s+/g, '');
    for (const grade of SCALE.grades) expect(text).toContain(grade.label);

    const xlsx = await api.http.get(`${REPORT}?format=xlsx`).responseType('blob').expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as never);
    const cells = workbook.getWorksheet('集計')!.getSheetValues().flat().map(String);
    expect(cells).toEqual(expect.arrayContaining(['S', '計画を大きく上回った', '19', '今年度は取組がなかった', '30']));
  }, 240_000);
});
