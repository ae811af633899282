import { ApiHarness } from '../support/api-harness';
import { seedWard, W } from '../reliability/support/fuzz-ward';

/** The public's list of reports: every published year, newest first, with its versions and the reasons for corrections. */
describe('GET /public/wards/{w}/reports', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start([
      { username: 'kikaku', role: 'planning_office' },
      { username: 'staff-hoiku', role: 'section_staff', sectionId: 'hoiku' },
      { username: 'iin', role: 'council_member' },
    ]);
  }, 60_000);
  afterAll(() => api.stop());

  it('is empty, not an error, before anything is published', async () => {
    expect((await api.http.get('/public/wards/nerima/reports').expect(200)).body).toEqual([]);
  });

  it('lists the published years with every version, corrections with their reason, without sign-in', async () => {
    await seedWard(api); // FY2021 published, FY2022 open
    const kikaku = await api.as('kikaku');
    await kikaku.post(`${W}/cycles/2021/corrections`, { reason: '取組P1の実績の誤記を訂正' }).expect(200);
    const list = (await api.http.get('/public/wards/nerima/reports').expect(200)).body;
    expect(list).toEqual([
      {
        fiscalYear: 2021,
        versions: [
          {
            version: 1,
            publishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
            fingerprint: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
            position: expect.any(Number),
          },
          {
            version: 2,
            publishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
            reason: '取組P1の実績の誤記を訂正',
            fingerprint: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
            position: expect.any(Number),
          },
        ],
      },
    ]);
    const published = (await api.http.get('/public/wards/nerima/reports/2021').expect(200)).body;
    expect(
      list[0].versions.map(
        ({ version, publishedAt, reason }: { version: number; publishedAt: string; reason?: string }) => ({
          version,
          publishedAt,
          reason,
        }),
      ),
    ).toEqual(
      published.versions.map(
        ({ version, publishedAt, reason }: { version: number; publishedAt: string; reason?: string }) => ({
          version,
          publishedAt,
          reason,
        }),
      ),
    );
    // The fingerprint pins the version: a correction (another position, other chain heads) has another one.
    expect(new Set(list[0].versions.map((v: { fingerprint: string }) => v.fingerprint)).size).toBe(2);
  });

  it('lists years newest first and leaves other wards out', async () => {
    const kikaku = await api.as('kikaku');
    const hoiku = await api.as('staff-hoiku');
    const iin = await api.as('iin');
    await hoiku
      .post(`${W}/cycles/2022/projects/P2/submission`, {
        actual: { text: '実施' },
        rating: { scheme: 'nerima', grade: 'A' },
      })
      .expect(200);
    await hoiku
      .post(`${W}/cycles/2022/kpis/K1/submission`, { actual: { value: '2か所', asOf: '令和4年度末' } })
      .expect(200);
    for (const path of ['projects/P1', 'projects/P2', 'kpis/K1'])
      await iin.post(`${W}/cycles/2022/${path}/review`, { decision: 'approve' }).expect(200);
    await kikaku.post(`${W}/cycles/2022/closing`, {}).expect(200);
    await kikaku.post(`${W}/cycles/2022/publications`, {}).expect(200);
    expect(
      (await api.http.get('/public/wards/nerima/reports').expect(200)).body.map(
        (y: { fiscalYear: number }) => y.fiscalYear,
      ),
    ).toEqual([2022, 2021]);
    expect((await api.http.get('/public/wards/taisho/reports').expect(200)).body).toEqual([]);
  });

  it('names the field of a malformed ward id', async () => {
    const response = await api.http.get('/public/wards/NOT-A-WARD/reports').expect(400);
    expect(response.body).toMatchObject({
      statusCode: 400,
      field: 'wardId',
      message: { ja: expect.any(String), en: expect.any(String) },
    });
  });
});
