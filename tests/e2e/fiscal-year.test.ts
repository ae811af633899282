import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ApiHarness } from '../support/api-harness';
import { ManualClock } from '../support/manual-clock';
import { KPIS, PILLARS, PLANS, PROJECTS, SECTIONS, SampleProject, USERS } from '../support/sample-ward';

const W = '/wards/nerima';
const FY = `${W}/cycles/2022`;

const ratingOf = (project: SampleProject) => ({
  scheme: 'nerima',
  grade: project.grade,
  ...(project.bReason ? { bReason: project.bReason } : {}),
  ...(project.note ? { note: project.note } : {}),
});

describe('a whole fiscal year through HTTP (Nerima scheme)', () => {
  const clock = new ManualClock(new Date('2023-04-03T00:00:00Z'));
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start(USERS, { clock });
  });
  afterAll(() => api.stop());

  it('Plan: the planning office registers the catalogue with reposts and the annual plans', async () => {
    const kikaku = await api.as('kikaku');
    for (const section of SECTIONS) await kikaku.post(`${W}/catalogue/sections`, section).expect(200);
    for (const pillar of PILLARS) await kikaku.post(`${W}/catalogue/pillars`, pillar).expect(200);
    for (const plan of PLANS) await kikaku.post(`${W}/catalogue/plans`, plan).expect(200);
    for (const project of PROJECTS) {
      const reposts = project.repostIn ? [{ ...project.repostIn, sectionTitle: '再掲' }] : [];
      await kikaku
        .post(`${W}/catalogue/projects`, {
          projectId: project.projectId,
          name: project.name,
          sectionId: project.sectionId,
          reposts,
          home: { planId: project.planId, sectionNo: project.sectionNo, sectionTitle: `項目${project.sectionNo}` },
          notSuitedForShortTermEvaluation: project.grade === '*',
        })
        .expect(200);
      const planned = project.grade === '-' ? '—' : '実施';
      await kikaku
        .put(`${W}/catalogue/projects/${project.projectId}/annual-plans/2022`, {
          target: '実施',
          statusAtPreviousYearEnd: '検討',
          planned,
        })
        .expect(200);
    }
    for (const { actual: _, ...kpi } of KPIS) await kikaku.post(`${W}/catalogue/kpis`, kpi).expect(200);
    const catalogue = await kikaku.get(`${W}/catalogue`).expect(200);
    expect(Object.keys(catalogue.body.projects)).toHaveLength(30);
    expect(catalogue.body.projects.P03.reposts).toEqual([{ planId: '4', sectionNo: '3', sectionTitle: '再掲' }]);
  });

  it('Do: the cycle opens and each section submits its own projects and KPIs', async () => {
    const kikaku = await api.as('kikaku');
    await kikaku.post(FY, { scheme: 'nerima', deadline: '2023-05-31' }).expect(200);
    clock.set('2023-05-10T01:00:00Z');
    for (const project of PROJECTS) {
      const staff = await api.as(`staff-${project.sectionId}`);
      if (project.projectId === 'P05') {
        await staff.put(`${FY}/projects/P05/draft`, { actual: { text: '8所開始（下書き）' } }).expect(200);
        continue;
      }
      const rating = project.projectId === 'P13' ? undefined : ratingOf(project);
      const response = await staff.post(`${FY}/projects/${project.projectId}/submission`, {
        actual: { text: `${project.name}：実施` },
        rating,
      });
      expect(response.status).toBe(200);
    }
    const gakumu = await api.as('staff-gakumu');
    const rated = await gakumu
      .put(`${FY}/projects/P13/rating`, { rating: { scheme: 'nerima', grade: 'A' } })
      .expect(200);
    expect(rated.body.item.sectionRating).toEqual({ scheme: 'nerima', grade: 'A' });
    for (const kpi of KPIS) {
      const staff = await api.as(`staff-${kpi.sectionId}`);
      await staff
        .post(`${FY}/kpis/${kpi.kpiId}/submission`, { actual: { value: kpi.actual, asOf: '令和4年度末' } })
        .expect(200);
    }
  });

  it('Do: the hoiku inbox shows the draft as due, and after the deadline as late; a late submission is marked late', async () => {
    const hoiku = await api.as('staff-hoiku');
    expect((await hoiku.get(`${FY}/inbox`).expect(200)).body.due.map((i: { itemId: string }) => i.itemId)).toEqual([
      'P05',
    ]);
    clock.set('2023-06-02T01:00:00Z');
    expect((await hoiku.get(`${FY}/inbox`).expect(200)).body.late.map((i: { itemId: string }) => i.itemId)).toEqual([
      'P05',
    ]);
    const late = await hoiku
      .post(`${FY}/projects/P05/submission`, { actual: { text: '8所開始' }, rating: { scheme: 'nerima', grade: 'A' } })
      .expect(200);
    expect(late.body.item).toMatchObject({ status: 'submitted', late: true });
  });

  it('Check: the council returns one, adjusts one and approves the rest; the section revises and resubmits', async () => {
    const iin = await api.as('iin');
    const queue = await iin.get(`${FY}/council-queue`).expect(200);
    expect(queue.body.items).toHaveLength(34);
    await iin
      .post(`${FY}/projects/P07/review`, {
        decision: 'return',
        comments: '受入数の内訳（園数・人数）を記載してください。',
      })
      .expect(200);
    await iin
      .post(`${FY}/projects/P12/review`, {
        decision: 'adjust',
        rating: { scheme: 'nerima', grade: 'A+', note: '全校で前倒し実施' },
        reason: '計画を上回る進捗のため A+ とする。',
      })
      .expect(200);
    for (const item of queue.body.items) {
      if (item.itemId === 'P07' || item.itemId === 'P12') continue;
      const path = item.kind === 'project' ? 'projects' : 'kpis';
      await iin.post(`${FY}/${path}/${item.itemId}/review`, { decision: 'approve' }).expect(200);
    }
    const hoiku = await api.as('staff-hoiku');
    const inbox = await hoiku.get(`${FY}/inbox`).expect(200);
    expect(inbox.body.returned).toEqual([
      expect.objectContaining({ itemId: 'P07', returnedComments: '受入数の内訳（園数・人数）を記載してください。' }),
    ]);
    await hoiku.post(`${FY}/projects/P07/submission`, { actual: { text: '拡大（78園168名）' } }).expect(200);
    await iin.post(`${FY}/projects/P07/review`, { decision: 'approve' }).expect(200);
    const p12 = await iin.get(`${FY}/projects/P12`).expect(200);
    expect(p12.body).toMatchObject({
      sectionRating: { grade: 'A' },
      councilRating: { grade: 'A+' },
      effectiveRating: { grade: 'A+' },
    });
  });

  it('Act and Publish: improvements are recorded, the cycle closes and the report is published with the hand-counted summary', async () => {
    const kikaku = await api.as('kikaku');
    await kikaku
      .put(`${FY}/plans/1/assessment`, {
        issues: '保育需要の地域偏在',
        improvements: '整備地域の見直し',
        nextYearDirection: '西部地域を重点に整備',
      })
      .expect(200);
    await kikaku.post(`${FY}/closing`, {}).expect(200);
    const published = await kikaku.post(`${FY}/publications`, {}).expect(200);
    expect(published.body.events).toEqual(['ReportPublished']);
    const report = await api.http.get('/public/wards/nerima/reports/2022').expect(200);
    expect(counts(report.body.model.summary)).toEqual({
      'A+': 4,
      A: 17,
      B: 5,
      '*': 2,
      '-': 2,
      total: 30,
      covid19: 1,
      town_development: 1,
      construction: 1,
      other: 2,
    });
    expect(report.body.model.summary.rows.map((r: { share: number }) => r.share)).toEqual([13, 57, 17, 7, 7]);
    const plan1 = report.body.model.pillars[0].plans[0];
    expect(
      plan1.projects.filter((r: { repost: boolean }) => r.repost).map((r: { projectId: string }) => r.projectId),
    ).toEqual(['P21']);
    expect(plan1.assessment).toMatchObject({ improvements: '整備地域の見直し' });
    expect(plan1.kpis[0]).toMatchObject({ indicator: '認可保育所の増設', actual: '計206所', achievementPercent: 100 });
  });

  it('Publish: the public gets the report as HTML, CSV, Excel and PDF without logging in', async () => {
    const html = await api.http.get('/public/wards/nerima/reports/2022?format=html').expect(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.text).toContain('計画以上に進んだもの');
    const csv = await api.http.get('/public/wards/nerima/reports/2022?format=csv&table=summary').expect(200);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const xlsx = await api.http.get('/public/wards/nerima/reports/2022?format=xlsx').responseType('blob').expect(200);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    const pdf = await api.http.get('/public/wards/nerima/reports/2022?format=pdf').responseType('blob').expect(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const again = await api.http.get('/public/wards/nerima/reports/2022?format=pdf').responseType('blob').expect(200);
    expect(Buffer.compare(pdf.body as Buffer, again.body as Buffer)).toBe(0);
  });

  it('nothing changes after publication except through a correction', async () => {
    const iin = await api.as('iin');
    const refused = await iin.post(`${FY}/projects/P20/review`, {
      decision: 'adjust',
      rating: { scheme: 'nerima', grade: 'A' },
      reason: 'x',
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'CYCLE_PUBLISHED',
      message: { ja: expect.any(String), en: expect.any(String) },
    });
  });

  it('Correct: a corrected evaluation and a new version with a reason; the first version stays readable', async () => {
    const kikaku = await api.as('kikaku');
    await kikaku
      .post(`${FY}/projects/P20/correction`, {
        rating: { scheme: 'nerima', grade: 'A' },
        reason: '定員縮小は計画どおりであったため訂正',
      })
      .expect(200);
    const corrected = await kikaku.post(`${FY}/corrections`, { reason: '戦略計画4の評価の訂正' }).expect(200);
    expect(corrected.body.events).toEqual(['ReportCorrected']);
    const latest = await api.http.get('/public/wards/nerima/reports/2022').expect(200);
    expect(latest.body.publication).toMatchObject({ version: 2, reason: '戦略計画4の評価の訂正' });
    expect(counts(latest.body.model.summary)).toMatchObject({ A: 18, B: 4, covid19: 0 });
    const first = await api.http.get('/public/wards/nerima/reports/2022/versions/1').expect(200);
    expect(counts(first.body.model.summary)).toMatchObject({ A: 17, B: 5, covid19: 1 });
  });

  it("Audit: the auditor sees every step of a project's history with actors, roles and reasons", async () => {
    const kansa = await api.as('kansa');
    const trail = await kansa.get(`${W}/audit/projects/P07?fiscalYear=2022`).expect(200);
    const steps = trail.body.entries.map(
      (e: { event: string; actor: string; role: string }) => `${e.event}/${e.actor}/${e.role}`,
    );
    expect(steps).toEqual([
      'CycleOpened/kikaku/planning_office',
      'ActualSubmitted/staff-hoiku/section_staff',
      'ItemRated/staff-hoiku/section_staff',
      'SubmissionReturned/iin/council_member',
      'ActualSubmitted/staff-hoiku/section_staff',
      'SubmissionApproved/iin/council_member',
      'CycleClosed/kikaku/planning_office',
      'ReportPublished/kikaku/planning_office',
      'ReportCorrected/kikaku/planning_office',
    ]);
    expect(trail.body.entries[3].detail).toEqual({ comments: '受入数の内訳（園数・人数）を記載してください。' });
    const csv = await kansa.get(`${W}/audit/projects/P12?fiscalYear=2022&format=csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toContain('RatingAdjusted');
    expect(csv.text).toContain('計画を上回る進捗のため A+ とする。');
  });

  it('Audit: verification passes, then names the event that was altered in the stored file', async () => {
    const kansa = await api.as('kansa');
    const intact = await kansa.get(`${W}/audit/verification`).expect(200);
    expect(intact.body).toMatchObject({ intact: true, breaks: [] });
    expect(intact.body.anchorsChecked).toBeGreaterThan(30);

    const db = new Database(join(api.dir, 'events.db'));
    const victim = db
      .prepare("SELECT id, data FROM events WHERE stream = 'evaluation-nerima-2022-project-P06' AND type = 'ItemRated'")
      .get() as { id: string; data: string };
    db.prepare('UPDATE events SET data = ? WHERE id = ?').run(victim.data.replace('"B"', '"A"'), victim.id);
    db.close();

    const broken = await kansa.get(`${W}/audit/verification`).expect(200);
    expect(broken.body.intact).toBe(false);
    expect(broken.body.firstBreak).toMatchObject({
      stream: 'evaluation-nerima-2022-project-P06',
      eventId: victim.id,
      problem: 'altered',
    });
  });
});

function counts(summary: {
  rows: Array<{ key: string; count: number }>;
  bReasons: Array<{ key: string; count: number }>;
  total: number;
}) {
  return {
    ...Object.fromEntries(summary.rows.map((r) => [r.key, r.count])),
    ...Object.fromEntries(summary.bReasons.map((r) => [r.key, r.count])),
    total: summary.total,
  };
}

describe('verification of a deleted event, by API and CLI', () => {
  it('detects an event removed from the middle of a stream and names it; the CLI says so with exit code 1', async () => {
    const api = await ApiHarness.start(USERS);
    const kikaku = await api.as('kikaku');
    await kikaku.post(`${W}/catalogue/sections`, SECTIONS[0]).expect(200);
    await kikaku.post(`${W}/catalogue/pillars`, PILLARS[0]).expect(200);
    await kikaku.post(`${W}/catalogue/plans`, PLANS[0]).expect(200);
    const { spawnSync } = await import('node:child_process');
    // The CLI runs with the service's configuration, as an operator's does: the same data and signing key.
    const cli = (args: string[]) =>
      spawnSync(process.execPath, ['-r', '@swc-node/register', 'apps/cli/src/main.ts', ...args], {
        cwd: join(__dirname, '../..'),
        env: {
          PATH: process.env.PATH ?? '',
          DATA_DIR: api.dir,
          TRANSPARENCY_SIGNING_KEY_FILE: join(api.dir, 'transparency-signing-key.pem'),
        },
        encoding: 'utf8',
      });
    expect(cli(['verify']).stdout).toMatch(/^intact/);

    const db = new Database(join(api.dir, 'events.db'));
    const removed = db.prepare("SELECT id FROM events WHERE stream = 'catalogue-nerima' AND revision = 1").get() as {
      id: string;
    };
    db.prepare('DELETE FROM events WHERE id = ?').run(removed.id);
    db.close();

    const broken = await (await api.as('kansa')).get(`${W}/audit/verification`).expect(200);
    expect(broken.body.firstBreak).toMatchObject({ stream: 'catalogue-nerima', revision: 1, problem: 'removed' });
    const result = cli(['verify', '--ward', 'nerima']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/NOT intact[\s\S]*removed at position \d+ \(catalogue-nerima revision 1\b/);
    await api.stop();
  });
});
