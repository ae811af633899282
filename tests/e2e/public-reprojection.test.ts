import { EVENT_STORE, EventStore } from '@pdca/event-store';
import { ApiHarness } from '../support/api-harness';
import { seedWard, W } from '../reliability/support/fuzz-ward';

const PATH = `${W}/cycles/2022/report/reprojections`;
const REVISION = {
  name: '第2期計画の区分',
  bReasons: [
    { code: 'covid19', label: '感染症の影響' },
    { code: 'schedule', label: '事業の進捗による予定変更' },
    { code: 'other', label: 'その他' },
  ],
  bReasonMap: { covid19: 'covid19', town_development: 'schedule', construction: 'schedule', other: 'other' },
  assign: { P2: 'schedule' },
};

describe('POST /wards/{w}/cycles/{fy}/report/reprojections: a year under revised rules, nothing appended', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await ApiHarness.start([
      { username: 'kikaku', role: 'planning_office' },
      { username: 'staff-hoiku', role: 'section_staff', sectionId: 'hoiku' },
      { username: 'iin', role: 'council_member' },
    ]);
    await seedWard(api);
    await (
      await api.as('staff-hoiku')
    )
      .post(`${W}/cycles/2022/projects/P2/submission`, {
        actual: { text: '一部実施' },
        rating: { scheme: 'nerima', grade: 'B', bReason: 'other', note: '人員不足' },
      })
      .expect(200);
  }, 60_000);
  afterAll(() => api.stop());

  it('given a split of その他, answers both tables and leaves every stored event as it was', async () => {
    const store = api.app.get<EventStore>(EVENT_STORE);
    const before = JSON.stringify(await store.readAll());
    const side = (await (await api.as('kikaku')).post(PATH, REVISION).expect(200)).body;
    expect(side.original.bReasons.find((r: { key: string }) => r.key === 'other').count).toBe(1);
    expect(side.revised.bReasons.find((r: { key: string }) => r.key === 'schedule').count).toBe(1);
    expect(side.revised.bReasons.find((r: { key: string }) => r.key === 'other').count).toBe(0);
    expect(side.moves).toEqual([{ projectId: 'P2', name: '新規取組', from: 'other', to: 'schedule' }]);
    expect(JSON.stringify(await store.readAll())).toBe(before);
  });

  it('given ?format=html, renders both tables side by side and the moved project as a page, still appending nothing', async () => {
    const store = api.app.get<EventStore>(EVENT_STORE);
    const before = JSON.stringify(await store.readAll());
    const published = (await api.http.get('/public/wards/nerima/reports/2021?format=html').expect(200)).text;
    const page = await (await api.as('kikaku')).post(`${PATH}?format=html`, REVISION).expect(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const table = (id: string) => page.text.match(new RegExp(`<table id="${id}"[\\s\\S]*?</table>`))?.[0] ?? '';
    expect(page.text).toContain('<title>令和4年度（2022年度）の集計：元のルールと「第2期計画の区分」の比較</title>');
    expect(table('original-reasons')).toContain('<th scope="row">その他</th><td>other</td><td>1</td>');
    expect(table('revised-reasons')).toContain(
      '<th scope="row">事業の進捗による予定変更</th><td>schedule</td><td>1</td>',
    );
    expect(table('revised-reasons')).toContain('<th scope="row">その他</th><td>other</td><td>0</td>');
    expect(table('moves')).toContain(
      '<th scope="row">P2</th><td>新規取組</td><td>その他</td><td>事業の進捗による予定変更</td>',
    );
    await (await api.as('kikaku')).post(`${PATH}?format=pdf`, REVISION).expect(400);
    await (await api.as('kikaku')).post(`${W}/cycles/2021/report/reprojections?format=html`, REVISION).expect(200);
    expect(JSON.stringify(await store.readAll())).toBe(before);
    // The published year stays as published.
    expect((await api.http.get('/public/wards/nerima/reports/2021?format=html').expect(200)).text).toBe(published);
  });

  it('refuses a revision that leaves an old category without a home (400 naming it), and section staff', async () => {
    const { bReasonMap: _map, ...rest } = REVISION;
    const response = await (
      await api.as('kikaku')
    )
      .post(PATH, { ...rest, bReasonMap: { covid19: 'covid19', other: 'other' } })
      .expect(400);
    expect(response.body).toMatchObject({
      code: 'RULE_REVISION_INVALID',
      field: 'bReasonMap.town_development',
      message: { ja: expect.any(String), en: expect.any(String) },
    });
    await (await api.as('staff-hoiku')).post(PATH, REVISION).expect(403);
  });
});
