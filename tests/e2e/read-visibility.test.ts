import request from 'supertest';
import { ApiHarness } from '../support/api-harness';
import { kpi, project, seedWard, W } from '../reliability/support/fuzz-ward';

/**
 * README "Who sees what": a section sees its own items in every state and, of everything else, what
 * a published report version shows. Checked on the data returned, across a published year with a
 * correction not yet published and an open year.
 */
describe('read visibility: own items, and what is published', () => {
  let api: ApiHarness;
  const published = '公表済みの実績PUB2021';
  const corrected = '訂正後GKSECRET-correction';
  const submitted = '提出GKSECRET-2022';
  const own = '自課の提出HOIKU2022';

  beforeAll(async () => {
    api = await ApiHarness.start([
      { username: 'kikaku', role: 'planning_office' },
      { username: 'iin', role: 'council_member' },
      { username: 'kansa', role: 'auditor' },
      { username: 'staff-hoiku', role: 'section_staff', sectionId: 'hoiku' },
      { username: 'staff-gakumu', role: 'section_staff', sectionId: 'gakumu' },
    ]);
    await seedWard(api, false);
    const [kikaku, iin, gakumu, hoiku] = await Promise.all(
      ['kikaku', 'iin', 'staff-gakumu', 'staff-hoiku'].map((u) => api.as(u)),
    );
    await kikaku.post(`${W}/catalogue/projects`, { ...project, projectId: 'PG', sectionId: 'gakumu' }).expect(200);
    await kikaku.post(`${W}/catalogue/kpis`, { ...kpi, kpiId: 'KG', sectionId: 'gakumu' }).expect(200);

    await kikaku
      .post(`${W}/cycles/2021`, { scheme: 'nerima', deadline: '2022-05-31', scope: { projectIds: ['PG'], kpiIds: [] } })
      .expect(200);
    await gakumu
      .post(`${W}/cycles/2021/projects/PG/submission`, {
        actual: { text: published },
        rating: { scheme: 'nerima', grade: 'A' },
      })
      .expect(200);
    await iin.post(`${W}/cycles/2021/projects/PG/review`, { decision: 'approve' }).expect(200);
    await kikaku.post(`${W}/cycles/2021/closing`, {}).expect(200);
    await kikaku.post(`${W}/cycles/2021/publications`, {}).expect(200);
    // Corrected, but the corrected version is not published yet.
    await kikaku.post(`${W}/cycles/2021/projects/PG/correction`, { reason: '誤記', actualText: corrected }).expect(200);

    await kikaku.post(`${W}/cycles/2022`, { scheme: 'nerima', deadline: '2099-05-31' }).expect(200);
    await gakumu
      .post(`${W}/cycles/2022/projects/PG/submission`, {
        actual: { text: submitted },
        rating: { scheme: 'nerima', grade: 'A' },
      })
      .expect(200);
    await gakumu
      .post(`${W}/cycles/2022/kpis/KG/submission`, { actual: { value: '年間GKSECRET人', asOf: 'R4' } })
      .expect(200);
    await hoiku
      .post(`${W}/cycles/2022/projects/P1/submission`, {
        actual: { text: own },
        rating: { scheme: 'nerima', grade: 'A' },
      })
      .expect(200);
  });
  afterAll(() => api.stop());

  const get = async (username: string | undefined, path: string) => {
    const call = request(api.app.getHttpServer()).get(path);
    return username ? call.set('Authorization', `Bearer ${await api.token(username)}`) : call;
  };

  it("another section's item across years: exactly the public answer (the published row, not the correction, not the open year)", async () => {
    for (const kind of ['projects/PG', 'kpis/KG']) {
      const asSection = await get('staff-hoiku', `${W}/${kind}/years`);
      const asPublic = await get(undefined, `/public${W}/${kind}/years`);
      expect(asSection.status).toBe(200);
      expect(asSection.body).toEqual(asPublic.body);
    }
    const text = JSON.stringify((await get('staff-hoiku', `${W}/projects/PG/years`)).body);
    expect(text).toContain(published);
    expect(text).not.toContain('GKSECRET');
  });

  it('its own item across years: the section sees where it stands now', async () => {
    const years = (await get('staff-hoiku', `${W}/projects/P1/years`)).body as Array<{
      fiscalYear: number;
      current?: { actual: string };
    }>;
    expect(years.find((y) => y.fiscalYear === 2022)?.current?.actual).toBe(own);
  });

  it('the owner and the overseeing roles see the correction and the open year', async () => {
    for (const username of ['staff-gakumu', 'kikaku', 'iin', 'kansa']) {
      const years = (await get(username, `${W}/projects/PG/years`)).body as Array<{
        fiscalYear: number;
        published?: { row: { actual: string } };
        current?: { actual: string };
      }>;
      expect(years.map((y) => [y.fiscalYear, y.published?.row.actual, y.current?.actual])).toEqual([
        [2021, published, corrected],
        [2022, undefined, submitted],
      ]);
    }
  });

  it('lists hold only the section its own items; the overseeing roles get them all', async () => {
    const sectionsIn = async (username: string) =>
      [
        ...new Set(
          ((await get(username, `${W}/cycles/2022/items`)).body.items as Array<{ sectionId: string }>).map(
            (i) => i.sectionId,
          ),
        ),
      ].sort();
    expect(await sectionsIn('staff-hoiku')).toEqual(['hoiku']);
    expect(await sectionsIn('staff-gakumu')).toEqual(['gakumu']);
    for (const username of ['kikaku', 'iin', 'kansa']) expect(await sectionsIn(username)).toEqual(['gakumu', 'hoiku']);
  });

  it("another section's item, history and inbox: 403 NOT_YOUR_SECTION", async () => {
    for (const path of ['projects/PG', 'projects/PG/history', 'kpis/KG', 'kpis/KG/history', 'inbox?sectionId=gakumu']) {
      const response = await get('staff-hoiku', `${W}/cycles/2022/${path}`);
      expect([path, response.status, response.body.code]).toEqual([path, 403, 'NOT_YOUR_SECTION']);
    }
  });

  const wholeYear = [
    'cycles/2022/report',
    'cycles/2022/report?format=csv',
    'cycles/2022/report?format=html',
    'cycles/2022/report?format=xlsx',
    'cycles/2022/report?asOf=2099-01-01T00:00:00Z',
    'cycles/2022/report/summary',
    'cycles/2021/report/summary',
    'cycles/2022/report/difference?asOf=2099-01-01T00:00:00Z',
    'cycles/2022/council-queue',
  ];

  it("views over every section's unpublished work are refused to section staff with 403 ROLE_NOT_ALLOWED, also for a published year", async () => {
    for (const path of [
      ...wholeYear,
      'audit/projects/PG?fiscalYear=2022',
      'audit/cycles/2022',
      'audit/verification',
      'cycles/2022/reminder-ledger',
    ]) {
      const response = await get('staff-hoiku', `${W}/${path}`);
      expect([path, response.status, response.body.code]).toEqual([path, 403, 'ROLE_NOT_ALLOWED']);
    }
  });

  it('the overseeing roles read them; the audit trail and the reminder ledger are for the planning office and auditors', async () => {
    for (const username of ['kikaku', 'iin', 'kansa']) {
      for (const path of wholeYear)
        expect([username, path, (await get(username, `${W}/${path}`)).status]).toEqual([username, path, 200]);
    }
    for (const path of ['audit/cycles/2022', 'cycles/2022/reminder-ledger']) {
      for (const username of ['kikaku', 'kansa']) expect((await get(username, `${W}/${path}`)).status).toBe(200);
      expect((await get('iin', `${W}/${path}`)).body.code).toBe('ROLE_NOT_ALLOWED');
    }
  });

  it('what is published stays open to a section: the list of versions and the public report', async () => {
    expect((await get('staff-hoiku', `${W}/cycles/2021/report/publications`)).body.publications).toHaveLength(1);
    const report = await get('staff-hoiku', `/public${W}/reports/2021?format=csv`);
    expect(report.status).toBe(200);
    expect(report.text).toContain(published);
    expect(report.text).not.toContain('GKSECRET');
  });
});
