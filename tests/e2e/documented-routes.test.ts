import { ApiHarness } from '../support/api-harness';
import { ManualClock } from '../support/manual-clock';

const W = '/wards/nerima';
const FY = `${W}/cycles/2022`;
const USERS = [
  { username: 'kikaku', role: 'planning_office' as const },
  { username: 'iin', role: 'council_member' as const },
  { username: 'kansa', role: 'auditor' as const },
  { username: 'hoiku', role: 'section_staff' as const, sectionId: 'hoiku' },
];
type Who = string; // a username of USERS, or 'public'
type Call = [who: Who, method: 'get' | 'post' | 'put', path: string, body?: object];

const rating = { scheme: 'nerima', grade: 'A' };
const project = (projectId: string, reposts: object[] = []) => ({
  projectId,
  name: `取組${projectId}`,
  sectionId: 'hoiku',
  reposts,
  notSuitedForShortTermEvaluation: false,
  home: { planId: '1', sectionNo: '1', sectionTitle: '保育' },
});
const kpi = (kpiId: string) => ({
  kpiId,
  planId: '1',
  indicator: `指標${kpiId}`,
  kind: 'output',
  sectionId: 'hoiku',
  baseline: { value: '計197所', asOf: 'R4.4.1' },
  target: { value: '計206所', asOf: 'R6.4.1' },
});

/**
 * Every path of README's "Using the API" table, once each, in the order a year runs, as a valid
 * call by the role the table names: none may answer 400 or 404 (a route declared in the wrong
 * order, a path the README promises but the API lacks).
 */
const CALLS: Call[] = [
  // Plan
  ['kikaku', 'post', `${W}/catalogue/sections`, { sectionId: 'hoiku', department: 'こども家庭部', name: '保育課' }],
  ['kikaku', 'post', `${W}/catalogue/pillars`, { pillarId: 'I', code: 'I', title: '子どもたちの笑顔輝くまち' }],
  ['kikaku', 'post', `${W}/catalogue/plans`, { planId: '1', code: '1', title: '子育て', pillarId: 'I' }],
  ['kikaku', 'post', `${W}/catalogue/plans`, { planId: '2', code: '2', title: '教育', pillarId: 'I' }],
  ['kikaku', 'post', `${W}/catalogue/projects`, project('P1', [{ planId: '2', sectionNo: '1', sectionTitle: '再掲' }])],
  ['kikaku', 'post', `${W}/catalogue/projects`, project('P2')],
  ['kikaku', 'post', `${W}/catalogue/kpis`, kpi('K1')],
  [
    'kikaku',
    'put',
    `${W}/catalogue/projects/P1/annual-plans/2022`,
    { target: '計206所', statusAtPreviousYearEnd: '計197所', planned: '9所' },
  ],
  // open
  ['kikaku', 'post', FY, { scheme: 'nerima', deadline: '2023-05-31' }],
  ['kikaku', 'get', `${W}/cycles`],
  ['kikaku', 'post', `${FY}/deadline-extensions`, { deadline: '2023-06-15', reason: '議会日程の変更' }],
  [
    'kikaku',
    'put',
    `${FY}/reminder-policy`,
    {
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
  ],
  // Do
  ['hoiku', 'put', `${FY}/projects/P1/draft`, { actual: { text: '下書き' } }],
  ['hoiku', 'post', `${FY}/projects/P1/submission`, { actual: { text: '9所' } }],
  ['hoiku', 'put', `${FY}/projects/P1/rating`, { rating }],
  ['hoiku', 'post', `${FY}/projects/P1/withdrawal`, { reason: '確認のため' }],
  ['hoiku', 'post', `${FY}/projects/P1/submission`, { actual: { text: '9所（定員485人）' }, rating }],
  ['hoiku', 'put', `${FY}/kpis/K1/draft`, { actual: { value: '計200所', asOf: '令和4年度末' } }],
  ['hoiku', 'post', `${FY}/kpis/K1/submission`, { actual: { value: '計206所', asOf: '令和4年度末' } }],
  // (a KPI's own rating is a Taisho-scheme fact: under Nerima it is a 422 by rule, not a routing matter)
  ['hoiku', 'post', `${FY}/kpis/K1/withdrawal`, {}],
  ['hoiku', 'post', `${FY}/kpis/K1/submission`, { actual: { value: '年間2,221人', asOf: '令和4年度末' } }],
  // Check
  ['iin', 'get', `${FY}/council-queue`],
  [
    'iin',
    'post',
    `${FY}/projects/P1/review`,
    { decision: 'adjust', rating: { scheme: 'nerima', grade: 'A+', note: '前倒し' }, reason: '計画以上' },
  ],
  ['iin', 'post', `${FY}/kpis/K1/review`, { decision: 'approve' }],
  // Act
  [
    'kikaku',
    'put',
    `${FY}/plans/1/assessment`,
    { issues: '課題', improvements: '改善策', nextYearDirection: '方向性' },
  ],
  // read
  ['kikaku', 'get', `${FY}/report/summary`],
  ['hoiku', 'get', `${FY}/items`],
  ['hoiku', 'get', `${FY}/projects/P1`],
  ['hoiku', 'get', `${FY}/projects/P1/history`],
  ['hoiku', 'get', `${FY}/kpis/K1`],
  ['hoiku', 'get', `${FY}/inbox`],
  ['kikaku', 'get', `${FY}/report`],
  ['kikaku', 'get', `${FY}/report?asOf=2023-04-03T00:30:00Z`],
  ['kikaku', 'get', `${FY}/report/difference?asOf=2023-04-03T00:30:00Z`],
  ['kikaku', 'get', `${FY}/reminder-ledger`],
  // Publish
  ['kikaku', 'post', `${FY}/exclusions`, { kind: 'project', itemId: 'P2', reason: '年度途中で廃止' }],
  ['kikaku', 'post', `${FY}/closing`, {}],
  ['kikaku', 'post', `${FY}/reopening`, { reason: '再確認のため' }],
  ['kikaku', 'post', `${FY}/closing`, { confirmOutstanding: true }],
  ['kikaku', 'post', `${FY}/publications`, {}],
  ['kikaku', 'post', `${FY}/projects/P1/correction`, { reason: '集計誤りの訂正', actualText: '9所（定員490人）' }],
  ['kikaku', 'post', `${FY}/corrections`, { reason: '集計誤りの訂正' }],
  // audit
  ['kansa', 'get', `${W}/audit/projects/P1?fiscalYear=2022&format=csv`],
  ['kansa', 'get', `${W}/audit/kpis/K1?fiscalYear=2022`],
  ['kansa', 'get', `${W}/audit/cycles/2022?format=csv`],
  ['kansa', 'get', `${W}/audit/cycles/2022`],
  ['kansa', 'get', `${W}/audit/verification`],
  // public
  ['hoiku', 'get', `${FY}/report/publications`],
  ['public', 'get', `/public${W}/reports`],
  ['public', 'get', `/public${W}/reports/2022`],
  ['public', 'get', `/public${W}/reports/2022/versions/1`],
  // tamper evidence
  ['public', 'get', '/public/transparency/checkpoint'],
  ['public', 'get', '/public/transparency/keys'],
  ['public', 'get', '/public/transparency/proofs/inclusion?position=1&treeSize=2'],
  ['public', 'get', '/public/transparency/proofs/consistency?from=1&to=2'],
];

describe("every path of README's 'Using the API' table answers a valid call", () => {
  const clock = new ManualClock(new Date('2023-04-03T00:00:00Z'));
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start(USERS, { clock });
  });
  afterAll(() => api.stop());

  it('none answers 400 or 404 (or fails)', async () => {
    const failures: string[] = [];
    for (const [who, method, path, body] of CALLS) {
      clock.set(new Date(clock.now().getTime() + 60_000));
      const client = who === 'public' ? api.http : await api.as(who);
      const response = await (method === 'get' ? client.get(path) : client[method](path, body ?? {}));
      if (response.status >= 300)
        failures.push(`${method.toUpperCase()} ${path} → ${response.status} ${response.body?.code ?? ''}`);
    }
    expect(failures).toEqual([]);
  });
});
