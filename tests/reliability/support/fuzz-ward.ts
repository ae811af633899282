import { JwtService } from '@nestjs/jwt';
import { Pool } from 'undici';
import { ApiHarness } from '../../support/api-harness';
import { PILLARS, PLANS, SECTIONS } from '../../support/sample-ward';
import type { FuzzTokens, HostileRequest } from './hostile-requests';

export const W = '/wards/nerima';
const SECRET = 's'.repeat(40); // what ApiHarness configures

export const project = {
  projectId: 'PX',
  name: '新規取組',
  home: { planId: '1', sectionNo: '9', sectionTitle: 'x' },
  sectionId: 'hoiku',
  notSuitedForShortTermEvaluation: false,
};
export const kpi = {
  kpiId: 'KX',
  planId: '1',
  indicator: '指標',
  kind: 'output',
  sectionId: 'hoiku',
  baseline: { value: '1か所', asOf: 'R3' },
  target: { value: '2か所', asOf: 'R5' },
};
const reminderPolicy = {
  daysBefore: [7, 1],
  onDeadlineDay: true,
  overdueEveryDays: 3,
  escalateAfterDaysOverdue: 7,
  stopAfterDaysOverdue: 30,
  skipWeekendsAndHolidays: true,
  sendAtJst: '09:00',
};

/** A body each route would accept from the right user: the starting point the flaws are applied to. */
export const VALID_BODIES: Record<string, object> = {
  'post /auth/token': { username: 'kikaku', password: 'not the password' },
  'post /wards/:wardId/catalogue/sections': {
    sectionId: 'new_sec',
    department: '部',
    name: '課',
    email: 'a@example.jp',
  },
  'put /wards/:wardId/catalogue/sections/:entryId': SECTIONS[0],
  'post /wards/:wardId/catalogue/pillars': { pillarId: 'IX', code: 'IX', title: 't' },
  'post /wards/:wardId/catalogue/plans': { planId: '99', code: '99', title: 't', pillarId: 'I' },
  'post /wards/:wardId/catalogue/projects': {
    ...project,
    reposts: [{ planId: '4', sectionNo: '1', sectionTitle: 'x' }],
  },
  'put /wards/:wardId/catalogue/projects/:entryId': project,
  'post /wards/:wardId/catalogue/projects/:entryId/reposts': {
    placement: { planId: '4', sectionNo: '1', sectionTitle: 'x' },
  },
  'post /wards/:wardId/catalogue/projects/:entryId/retirement': { reason: '終了' },
  'put /wards/:wardId/catalogue/projects/:projectId/annual-plans/:fiscalYear': {
    target: 't',
    statusAtPreviousYearEnd: 's',
    planned: 'p',
  },
  'post /wards/:wardId/catalogue/kpis': kpi,
  'put /wards/:wardId/catalogue/kpis/:entryId': kpi,
  'post /wards/:wardId/catalogue/kpis/:entryId/retirement': { reason: '終了' },
  'post /wards/:wardId/cycles/:fiscalYear': {
    scheme: 'nerima',
    deadline: '2024-05-31',
    scope: { projectIds: ['P1'], kpiIds: [] },
    bReasons: [{ code: 'other', label: 'その他' }],
    reminderPolicy,
  },
  'post /wards/:wardId/cycles/:fiscalYear/deadline-extensions': { deadline: '2023-06-30', reason: '延長' },
  'put /wards/:wardId/cycles/:fiscalYear/reminder-policy': { reminderPolicy },
  'post /wards/:wardId/cycles/:fiscalYear/closing': { note: '締切', confirmOutstanding: false },
  'post /wards/:wardId/cycles/:fiscalYear/reopening': { reason: '再開' },
  'post /wards/:wardId/cycles/:fiscalYear/exclusions': { kind: 'project', itemId: 'P1', reason: '対象外' },
  'post /wards/:wardId/cycles/:fiscalYear/publications': { note: '公表' },
  'post /wards/:wardId/cycles/:fiscalYear/corrections': { reason: '訂正' },
  'put /wards/:wardId/cycles/:fiscalYear/projects/:itemId/draft': {
    actual: { text: '下書き' },
    rating: { scheme: 'nerima', grade: 'A' },
  },
  'put /wards/:wardId/cycles/:fiscalYear/kpis/:itemId/draft': { actual: { value: '1か所', asOf: 'R4' } },
  'post /wards/:wardId/cycles/:fiscalYear/projects/:itemId/submission': {
    actual: { text: '実施' },
    rating: { scheme: 'nerima', grade: 'B', bReason: 'other', note: '遅れ' },
  },
  'post /wards/:wardId/cycles/:fiscalYear/kpis/:itemId/submission': { actual: { value: '2か所', asOf: 'R4' } },
  'put /wards/:wardId/cycles/:fiscalYear/projects/:itemId/rating': {
    rating: { scheme: 'nerima', grade: 'A+', note: '前倒し' },
  },
  'put /wards/:wardId/cycles/:fiscalYear/kpis/:itemId/rating': { rating: { scheme: 'nerima', grade: 'A' } },
  'post /wards/:wardId/cycles/:fiscalYear/projects/:itemId/withdrawal': { reason: '確認のため' },
  'post /wards/:wardId/cycles/:fiscalYear/kpis/:itemId/withdrawal': { reason: '確認のため' },
  'post /wards/:wardId/cycles/:fiscalYear/projects/:itemId/review': {
    decision: 'adjust',
    rating: { scheme: 'nerima', grade: 'A' },
    reason: '調整',
  },
  'post /wards/:wardId/cycles/:fiscalYear/kpis/:itemId/review': {
    decision: 'return',
    comments: '根拠を追記してください',
  },
  'post /wards/:wardId/cycles/:fiscalYear/projects/:itemId/correction': {
    reason: '訂正',
    actualText: '訂正後',
    rating: { scheme: 'nerima', grade: 'A' },
  },
  'post /wards/:wardId/cycles/:fiscalYear/kpis/:itemId/correction': {
    reason: '訂正',
    actualText: '3か所',
    actualAsOf: 'R4',
  },
  'put /wards/:wardId/cycles/:fiscalYear/plans/:planId/assessment': {
    issues: '課題',
    improvements: '改善策',
    nextYearDirection: '方向性',
  },
  'post /wards/:wardId/imports/:importId/reversion': { reason: '誤り' },
};

/** Sends the request as raw as undici allows; answers with the status (0 when the server dropped it). */
export async function send(pool: Pool, request: HostileRequest): Promise<number> {
  try {
    const response = await pool.request({
      method: request.method,
      path: request.path,
      headers: request.headers,
      body: request.body,
    });
    await response.body.dump({ limit: 10_000_000 });
    return response.statusCode;
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (
      code === 'UND_ERR_SOCKET' ||
      code === 'ECONNRESET' ||
      code === 'EPIPE' ||
      code === 'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH'
    )
      return 0; // closed by the server (e.g. body too large)
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return 599; // no answer: as bad as a 5xx
    throw error;
  }
}

export async function fuzzTokens(api: ApiHarness): Promise<FuzzTokens> {
  const byUser = Object.fromEntries(
    await Promise.all(
      ['kikaku', 'iin', 'kansa', 'staff-hoiku', 'staff-gakumu'].map(async (u) => [u, await api.token(u)] as const),
    ),
  );
  const claims = { sub: 'kikaku', role: 'planning_office', ward: 'nerima', name: 'kikaku' };
  const jwt = new JwtService({ secret: SECRET });
  const signed = (options: object) =>
    jwt.sign(claims, { algorithm: 'HS256', issuer: 'pdca-review', audience: 'pdca-review-api', ...options });
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const valid = byUser.kikaku;
  return {
    byUser,
    otherWard: await api.token('taisho-kikaku'),
    invalid: [
      `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, iss: 'pdca-review', aud: 'pdca-review-api', exp: 4_102_444_800 })}.`,
      `${valid.slice(0, -2)}${valid.endsWith('AA') ? 'BB' : 'AA'}`,
      signed({ expiresIn: -60 }),
      signed({ issuer: 'someone-else', expiresIn: 600 }),
      signed({ audience: 'another-api', expiresIn: 600 }),
      new JwtService({ secret: 'x'.repeat(40) }).sign(claims, {
        algorithm: 'HS256',
        issuer: 'pdca-review',
        audience: 'pdca-review-api',
        expiresIn: 600,
      }),
      jwt.sign(
        { ...claims, role: 'superuser' },
        { algorithm: 'HS512', issuer: 'pdca-review', audience: 'pdca-review-api', expiresIn: 600 },
      ),
    ].map((token) => `Bearer ${token}`),
  };
}

/** The access matrix's ward: catalogue, FY 2022 open with one submission, FY 2021 published. */
export async function seedWard(api: ApiHarness, cycles = true): Promise<void> {
  const kikaku = await api.as('kikaku');
  for (const section of SECTIONS) await kikaku.post(`${W}/catalogue/sections`, section).expect(200);
  for (const pillar of PILLARS) await kikaku.post(`${W}/catalogue/pillars`, pillar).expect(200);
  for (const plan of PLANS) await kikaku.post(`${W}/catalogue/plans`, plan).expect(200);
  for (const id of ['P1', 'P2'])
    await kikaku.post(`${W}/catalogue/projects`, { ...project, projectId: id }).expect(200);
  await kikaku.post(`${W}/catalogue/kpis`, { ...kpi, kpiId: 'K1' }).expect(200);
  if (!cycles) return;
  const hoiku = await api.as('staff-hoiku');
  const iin = await api.as('iin');
  await kikaku
    .post(`${W}/cycles/2021`, { scheme: 'nerima', deadline: '2022-05-31', scope: { projectIds: ['P1'], kpiIds: [] } })
    .expect(200);
  await hoiku
    .post(`${W}/cycles/2021/projects/P1/submission`, {
      actual: { text: '実施' },
      rating: { scheme: 'nerima', grade: 'A' },
    })
    .expect(200);
  await iin.post(`${W}/cycles/2021/projects/P1/review`, { decision: 'approve' }).expect(200);
  await kikaku.post(`${W}/cycles/2021/closing`, {}).expect(200);
  await kikaku.post(`${W}/cycles/2021/publications`, {}).expect(200);
  await kikaku.post(`${W}/cycles/2022`, { scheme: 'nerima', deadline: '2099-05-31' }).expect(200);
  await hoiku
    .post(`${W}/cycles/2022/projects/P1/submission`, {
      actual: { text: '実施' },
      rating: { scheme: 'nerima', grade: 'A' },
    })
    .expect(200);
}
