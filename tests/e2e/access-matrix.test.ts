import request from 'supertest';
import { ApiHarness } from '../support/api-harness';
import { registeredRoutes } from '../support/registered-routes';
import { kpi, project, seedWard } from '../reliability/support/fuzz-ward';
import { SECTIONS } from '../support/sample-ward';
import { queryVariants, sweepGetRoutes } from './read-visibility-sweep';

type Actor =
  'own_section' | 'other_section' | 'planning_office' | 'council_member' | 'auditor' | 'other_ward' | 'public';
const STAFF: Actor[] = ['own_section', 'other_section', 'planning_office', 'council_member', 'auditor'];
const USERNAMES: Record<Exclude<Actor, 'public'>, string> = {
  own_section: 'staff-hoiku',
  other_section: 'staff-gakumu',
  planning_office: 'kikaku',
  council_member: 'iin',
  auditor: 'kansa',
  other_ward: 'taisho-kikaku',
};

interface Endpoint {
  method: 'get' | 'post' | 'put';
  path: string;
  body?: object;
  allowed: Actor[];
}

const W = '/wards/nerima';
const FY = `${W}/cycles/2022`;
const staffOf = (...extra: Actor[]) => [...STAFF, ...extra];
/** Views over every section's unpublished work (README "Who sees what"): not for section staff. */
const OVERSIGHT: Actor[] = ['planning_office', 'council_member', 'auditor'];
/** Written into the other section's unpublished work; a section must find it in no response. */
const UNPUBLISHED = 'GKSECRET';

/** Every endpoint with the roles that may use it; destructive ones last so earlier rows see an open cycle. */
const ENDPOINTS: Endpoint[] = [
  { method: 'get', path: `${W}/catalogue`, allowed: STAFF },
  {
    method: 'post',
    path: `${W}/catalogue/sections`,
    body: { sectionId: 'new_sec', department: '部', name: '課' },
    allowed: ['planning_office'],
  },
  { method: 'put', path: `${W}/catalogue/sections/hoiku`, body: SECTIONS[0], allowed: ['planning_office'] },
  {
    method: 'post',
    path: `${W}/catalogue/pillars`,
    body: { pillarId: 'IX', code: 'IX', title: 't' },
    allowed: ['planning_office'],
  },
  {
    method: 'post',
    path: `${W}/catalogue/plans`,
    body: { planId: '99', code: '99', title: 't', pillarId: 'I' },
    allowed: ['planning_office'],
  },
  { method: 'post', path: `${W}/catalogue/projects`, body: project, allowed: ['planning_office'] },
  { method: 'put', path: `${W}/catalogue/projects/PX`, body: project, allowed: ['planning_office'] },
  {
    method: 'post',
    path: `${W}/catalogue/projects/PX/reposts`,
    body: { placement: { planId: '4', sectionNo: '1', sectionTitle: 'x' } },
    allowed: ['planning_office'],
  },
  {
    method: 'put',
    path: `${W}/catalogue/projects/P1/annual-plans/2022`,
    body: { target: 't', statusAtPreviousYearEnd: 's', planned: 'p' },
    allowed: ['planning_office'],
  },
  { method: 'post', path: `${W}/catalogue/kpis`, body: kpi, allowed: ['planning_office'] },
  { method: 'put', path: `${W}/catalogue/kpis/KX`, body: kpi, allowed: ['planning_office'] },
  { method: 'get', path: FY, allowed: STAFF },
  {
    method: 'post',
    path: `${W}/cycles/2023`,
    body: { scheme: 'nerima', deadline: '2024-05-31' },
    allowed: ['planning_office'],
  },
  {
    method: 'post',
    path: `${FY}/deadline-extensions`,
    body: { deadline: '2023-06-30', reason: '延長' },
    allowed: ['planning_office'],
  },
  {
    method: 'put',
    path: `${FY}/reminder-policy`,
    body: {
      reminderPolicy: {
        daysBefore: [7],
        onDeadlineDay: true,
        overdueEveryDays: 3,
        escalateAfterDaysOverdue: 7,
        stopAfterDaysOverdue: 30,
        skipWeekendsAndHolidays: true,
        sendAtJst: '09:00',
      },
    },
    allowed: ['planning_office'],
  },
  { method: 'get', path: `${FY}/items`, allowed: STAFF },
  {
    method: 'get',
    path: `${FY}/projects/P1`,
    allowed: ['own_section', 'planning_office', 'council_member', 'auditor'],
  },
  {
    method: 'get',
    path: `${FY}/projects/P1/history`,
    allowed: ['own_section', 'planning_office', 'council_member', 'auditor'],
  },
  {
    method: 'get',
    path: `${FY}/inbox?sectionId=hoiku`,
    allowed: ['own_section', 'planning_office', 'council_member', 'auditor'],
  },
  { method: 'get', path: `${FY}/council-queue`, allowed: ['planning_office', 'council_member', 'auditor'] },
  { method: 'get', path: `${FY}/kpis/K1`, allowed: ['own_section', 'planning_office', 'council_member', 'auditor'] },
  {
    method: 'get',
    path: `${FY}/kpis/K1/history`,
    allowed: ['own_section', 'planning_office', 'council_member', 'auditor'],
  },
  { method: 'put', path: `${FY}/projects/P2/draft`, body: { actual: { text: '下書き' } }, allowed: ['own_section'] },
  {
    method: 'post',
    path: `${FY}/projects/P2/submission`,
    body: { actual: { text: '実施' } },
    allowed: ['own_section'],
  },
  {
    method: 'put',
    path: `${FY}/projects/P2/rating`,
    body: { rating: { scheme: 'nerima', grade: 'A' } },
    allowed: ['own_section'],
  },
  { method: 'post', path: `${FY}/projects/P2/withdrawal`, body: {}, allowed: ['own_section'] },
  {
    method: 'put',
    path: `${FY}/kpis/K1/draft`,
    body: { actual: { value: '1か所', asOf: 'R4' } },
    allowed: ['own_section'],
  },
  {
    method: 'post',
    path: `${FY}/kpis/K1/submission`,
    body: { actual: { value: '2か所', asOf: 'R4' } },
    allowed: ['own_section'],
  },
  {
    method: 'put',
    path: `${FY}/kpis/K1/rating`,
    body: { rating: { scheme: 'nerima', grade: 'A' } },
    allowed: ['own_section'],
  },
  { method: 'post', path: `${FY}/kpis/K1/withdrawal`, body: {}, allowed: ['own_section'] },
  {
    method: 'post',
    path: `${FY}/kpis/K1/submission`,
    body: { actual: { value: '2か所', asOf: 'R4' } },
    allowed: ['own_section'],
  },
  {
    method: 'post',
    path: `${FY}/projects/P1/review`,
    body: { decision: 'return', comments: '根拠を追記してください' },
    allowed: ['council_member'],
  },
  { method: 'post', path: `${FY}/kpis/K1/review`, body: { decision: 'approve' }, allowed: ['council_member'] },
  { method: 'get', path: `${FY}/report`, allowed: OVERSIGHT },
  { method: 'get', path: `${FY}/report/summary`, allowed: OVERSIGHT },
  { method: 'get', path: `${FY}/report/difference?position=1`, allowed: OVERSIGHT },
  { method: 'get', path: `${FY}/report/publications`, allowed: STAFF },
  { method: 'get', path: `${FY}/report/provenance`, allowed: OVERSIGHT },
  {
    method: 'post',
    path: `${FY}/report/reprojections`,
    body: {
      name: '改定',
      bReasons: [{ code: 'other', label: 'その他' }],
      bReasonMap: { covid19: 'other', town_development: 'other', construction: 'other', other: 'other' },
    },
    allowed: OVERSIGHT,
  },
  {
    method: 'put',
    path: `${FY}/plans/1/assessment`,
    body: { issues: '課題', improvements: '改善策' },
    allowed: ['planning_office'],
  },
  { method: 'get', path: `${W}/audit/projects/P1?fiscalYear=2022`, allowed: ['planning_office', 'auditor'] },
  { method: 'get', path: `${W}/audit/cycles/2022?format=csv`, allowed: ['planning_office', 'auditor'] },
  { method: 'get', path: `${W}/audit/verification`, allowed: ['planning_office', 'auditor'] },
  { method: 'get', path: `${FY}/reminder-ledger`, allowed: ['planning_office', 'auditor'] },
  { method: 'post', path: `${FY}/reminders`, body: { sectionIds: ['gakumu'] }, allowed: ['planning_office'] },
  { method: 'get', path: '/public/wards/nerima/reports', allowed: staffOf('public', 'other_ward') },
  { method: 'get', path: '/public/wards/nerima/reports/2022', allowed: staffOf('public', 'other_ward') },
  { method: 'get', path: '/public/wards/nerima/reports/2022/versions/1', allowed: staffOf('public', 'other_ward') },
  { method: 'get', path: '/public/wards/nerima/corrections?format=atom', allowed: staffOf('public', 'other_ward') },
  { method: 'get', path: '/public/wards/nerima/reports/2022/provenance', allowed: staffOf('public', 'other_ward') },
  { method: 'get', path: '/public/wards/nerima/reports/2022/open-data', allowed: staffOf('public', 'other_ward') },
  {
    method: 'get',
    path: '/public/wards/nerima/reports/2022/open-data/summary.csv',
    allowed: staffOf('public', 'other_ward'),
  },
  {
    method: 'get',
    path: '/public/wards/nerima/reports/2022/versions/1/open-data/open-data.xlsx',
    allowed: staffOf('public', 'other_ward'),
  },
  {
    method: 'get',
    path: '/public/wards/nerima/reports/2022/versions/1/provenance?format=html',
    allowed: staffOf('public', 'other_ward'),
  },
  { method: 'get', path: `${W}/projects/P1/years`, allowed: STAFF },
  { method: 'get', path: `${W}/kpis/K1/years`, allowed: STAFF },
  { method: 'get', path: '/public/wards/nerima/projects/P1/years', allowed: staffOf('public', 'other_ward') },
  { method: 'get', path: '/public/wards/nerima/kpis/K1/years', allowed: staffOf('public', 'other_ward') },
  { method: 'get', path: '/public/transparency/checkpoint', allowed: staffOf('public', 'other_ward') },
  { method: 'get', path: '/public/transparency/keys', allowed: staffOf('public', 'other_ward') },
  { method: 'get', path: '/public/transparency/checkpoints', allowed: staffOf('public', 'other_ward') },
  {
    method: 'get',
    path: '/public/transparency/proofs/inclusion?position=1&treeSize=1',
    allowed: staffOf('public', 'other_ward'),
  },
  {
    method: 'get',
    path: '/public/transparency/proofs/consistency?from=0&to=1',
    allowed: staffOf('public', 'other_ward'),
  },
  { method: 'get', path: `${W}/imports/template.xlsx`, allowed: STAFF },
  { method: 'get', path: `${W}/imports/templates/projects`, allowed: STAFF },
  { method: 'get', path: `${W}/imports`, allowed: ['planning_office', 'auditor'] },
  // No file attached: allowed callers get 400, the others must be refused before the body matters.
  { method: 'post', path: `${W}/imports/previews`, allowed: ['planning_office'] },
  { method: 'post', path: `${W}/imports`, allowed: ['planning_office'] },
  // The section's own workbook: staff of the section (the planning office names the section to check a file).
  { method: 'get', path: `${FY}/workbook.xlsx?sectionId=hoiku`, allowed: ['own_section', 'planning_office'] },
  { method: 'post', path: `${FY}/workbook/previews?sectionId=hoiku`, allowed: ['own_section', 'planning_office'] },
  { method: 'post', path: `${FY}/workbook`, allowed: ['own_section', 'other_section'] },
  {
    method: 'post',
    path: `${W}/imports/no-such-import/reversion`,
    body: { reason: '取消し' },
    allowed: ['planning_office'],
  },
  { method: 'get', path: '/health/live', allowed: staffOf('public', 'other_ward') },
  { method: 'get', path: '/health/ready', allowed: staffOf('public', 'other_ward') },
  {
    method: 'post',
    path: `${FY}/projects/P1/correction`,
    body: { reason: '訂正', actualText: '訂正後' },
    allowed: ['planning_office'],
  },
  {
    method: 'post',
    path: `${FY}/kpis/K1/correction`,
    body: { reason: '訂正', actualText: '訂正後' },
    allowed: ['planning_office'],
  },
  {
    method: 'post',
    path: `${W}/catalogue/projects/PX/retirement`,
    body: { reason: '終了' },
    allowed: ['planning_office'],
  },
  { method: 'post', path: `${W}/catalogue/kpis/KX/retirement`, body: { reason: '終了' }, allowed: ['planning_office'] },
  { method: 'get', path: `${W}/cycles`, allowed: STAFF },
  {
    method: 'post',
    path: `${FY}/exclusions`,
    body: { kind: 'project', itemId: 'PX', reason: '対象外' },
    allowed: ['planning_office'],
  },
  { method: 'post', path: `${FY}/reopening`, body: { reason: '再開' }, allowed: ['planning_office'] },
  { method: 'post', path: `${FY}/closing`, body: {}, allowed: ['planning_office'] },
  { method: 'post', path: `${FY}/publications`, body: {}, allowed: ['planning_office'] },
  { method: 'post', path: `${FY}/corrections`, body: { reason: '訂正' }, allowed: ['planning_office'] },
  { method: 'get', path: `${W}/personal-data/erasures`, allowed: ['planning_office', 'auditor'] },
  {
    method: 'post',
    path: `${W}/personal-data/erasures`,
    body: { contains: '該当なしの名前', reason: '削除請求' },
    allowed: ['planning_office'],
  },
];

describe('access: every role × every endpoint', () => {
  let api: ApiHarness;
  const tokens = new Map<Actor, string>();
  let openedAt = 0;

  beforeAll(async () => {
    api = await ApiHarness.start([
      { username: 'kikaku', role: 'planning_office' },
      { username: 'iin', role: 'council_member' },
      { username: 'kansa', role: 'auditor' },
      { username: 'staff-hoiku', role: 'section_staff', sectionId: 'hoiku' },
      { username: 'staff-gakumu', role: 'section_staff', sectionId: 'gakumu' },
      { username: 'taisho-kikaku', role: 'planning_office', wardId: 'taisho' },
    ]);
    for (const [actor, username] of Object.entries(USERNAMES)) tokens.set(actor as Actor, await api.token(username));
    await seedWard(api, false); // the fuzz test's ward: same catalogue, cycles opened below
    const kikaku = await api.as('kikaku');
    for (const id of ['PG1', 'PG2', 'PG3'])
      await kikaku.post(`${W}/catalogue/projects`, { ...project, projectId: id, sectionId: 'gakumu' }).expect(200);
    await kikaku.post(`${W}/catalogue/kpis`, { ...kpi, kpiId: 'KG', sectionId: 'gakumu' }).expect(200);
    openedAt = Number(
      (await kikaku.post(FY, { scheme: 'nerima', deadline: '2023-05-31' }).expect(200)).headers['x-position'],
    );
    const hoiku = await api.as('staff-hoiku');
    await hoiku
      .post(`${FY}/projects/P1/submission`, { actual: { text: '実施' }, rating: { scheme: 'nerima', grade: 'A' } })
      .expect(200);
    await seedOtherSectionsUnpublishedWork(api);
  });
  afterAll(() => api.stop());

  it('covers every route the API registered', () => {
    const covered = (method: string, pattern: string) => {
      const re = new RegExp(`^${pattern.replace(/:[A-Za-z]+/g, '[^/]+')}$`);
      return ENDPOINTS.some((e) => e.method === method && re.test(e.path.split('?')[0]));
    };
    const missing = registeredRoutes(api).filter(
      (r) => !covered(r.method, r.path) && !OPEN_OR_ELSEWHERE.includes(`${r.method} ${r.path}`),
    );
    expect(missing).toEqual([]);
  });

  it.each(['own_section', 'other_ward', 'public'] as Actor[])(
    "%s reads no other section's unpublished actual, rating or comment on any GET route, in any format",
    async (actor) => {
      const swept = await sweepGetRoutes(
        api,
        tokens.get(actor),
        SAMPLES,
        queryVariants([openedAt, await head()], new Date().toISOString()),
      );
      expect(swept.filter((r) => r.text.includes(UNPUBLISHED)).map((r) => r.label)).toEqual([]);
      expect(swept.filter((r) => r.status === 200).length).toBeGreaterThan(20); // the sweep reached the data, not only errors
    },
    120_000,
  ); // every GET route × every format: tens of seconds on a loaded machine

  it('the sweep finds that text where it may be read: the planning office sees it in every format', async () => {
    const swept = await sweepGetRoutes(
      api,
      tokens.get('planning_office'),
      SAMPLES,
      queryVariants([openedAt, await head()], new Date().toISOString()),
    );
    const seen = swept.filter((r) => r.text.includes(UNPUBLISHED)).map((r) => r.label.split(' → ')[0]);
    for (const format of ['json', 'csv', 'html', 'xlsx', 'pdf'])
      expect(seen).toContain(`GET ${FY}/report?format=${format}`);
    expect(seen).toContain(`GET ${FY}/report/difference?position=${openedAt}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        `GET ${FY}/items`,
        `GET ${FY}/projects/PG1`,
        `GET ${FY}/kpis/KG/history`,
        `GET ${W}/projects/PG1/years`,
      ]),
    );
  }, 120_000);

  const head = async () =>
    (await request(api.app.getHttpServer()).get('/health/ready')).body.details.eventStore.head as number;
  const cases = ENDPOINTS.flatMap((endpoint) =>
    (['public', 'other_ward', ...STAFF] as Actor[]).map((actor) => [endpoint, actor] as const),
  );

  it.each(cases.map(([e, a]) => [`${e.method.toUpperCase()} ${e.path}`, a, e]))(
    '%s as %s',
    async (_label, actor, endpoint) => {
      const { method, path, body, allowed } = endpoint;
      const before = await head();
      let call = request(api.app.getHttpServer())[method](path);
      if (actor !== 'public') call = call.set('Authorization', `Bearer ${tokens.get(actor)}`);
      const response = await (body ? call.send(body) : call);
      if (allowed.includes(actor)) {
        expect([401, 403]).not.toContain(response.status);
        expect(response.status).toBeLessThan(500);
      } else {
        expect(response.status).toBe(actor === 'public' ? 401 : 403);
        expect(response.body.message).toEqual({ ja: expect.any(String), en: expect.any(String) });
        expect(await head()).toBe(before);
      }
    },
  );
});

/** Sample values of every route parameter for the sweep: the other section's items above all. */
const SAMPLES: Record<string, string[]> = {
  wardId: ['nerima'],
  fiscalYear: ['2022'],
  itemId: ['PG1', 'PG2', 'PG3', 'KG'],
  entryId: ['PG1', 'KG'],
  projectId: ['PG1'],
  kind: ['projects', 'kpis'],
  version: ['1'],
  table: ['projects', 'kpis'],
  planId: ['1'],
  importId: ['no-such-import'],
  sectionId: ['gakumu'],
  path: ['x'],
  file: ['summary.csv'],
};

/** Section gakumu's work in every unpublished state, each text carrying the marker. */
async function seedOtherSectionsUnpublishedWork(api: ApiHarness) {
  const gakumu = await api.as('staff-gakumu');
  const iin = await api.as('iin');
  const rating = { scheme: 'nerima', grade: 'B', bReason: 'other', note: `遅延 ${UNPUBLISHED}-note` };
  await gakumu
    .post(`${FY}/projects/PG1/submission`, { actual: { text: `実施 ${UNPUBLISHED}-submitted` }, rating })
    .expect(200);
  await gakumu.put(`${FY}/projects/PG2/draft`, { actual: { text: `下書き ${UNPUBLISHED}-draft` } }).expect(200);
  await gakumu
    .post(`${FY}/projects/PG3/submission`, {
      actual: { text: `実施 ${UNPUBLISHED}-approved` },
      rating: { scheme: 'nerima', grade: 'A' },
    })
    .expect(200);
  await iin.post(`${FY}/projects/PG3/review`, { decision: 'approve' }).expect(200);
  await gakumu.post(`${FY}/kpis/KG/submission`, { actual: { value: `年間${UNPUBLISHED}人`, asOf: 'R4' } }).expect(200);
  await iin.post(`${FY}/kpis/KG/review`, { decision: 'return', comments: `根拠 ${UNPUBLISHED}-comment` }).expect(200);
}

/** Routes outside the matrix, with the test that covers their access instead. */
const OPEN_OR_ELSEWHERE: string[] = [
  'post /auth/token', // logging in is open to everyone by design; tests/e2e/auth.test.ts covers it
  'post /auth/session',
  'get /auth/session',
  'delete /auth/session', // the browser's sign-in, any role; tests/e2e/session.test.ts
];
