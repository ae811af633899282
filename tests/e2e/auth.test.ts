import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { credentialStamp } from '../../apps/api/src/auth/credential-stamp';
import { ApiHarness } from '../support/api-harness';
import { registeredRoutes } from '../support/registered-routes';

const SECRET = 's'.repeat(40);

/** A hand-made JWT, to prove what the API refuses. */
function token(header: object, claims: object, secret = SECRET): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode(header)}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

type UsersFile = {
  users: Array<{ username: string; role: string; sectionId?: string; wardId: string; passwordHash: string }>;
};

const readUsers = (api: ApiHarness): UsersFile => JSON.parse(readFileSync(join(api.dir, 'users.json'), 'utf8'));

/** Rewrites the users file in place (as an editor saving over it would). */
function rewriteUsers(api: ApiHarness, change: (file: UsersFile) => void): void {
  const file = readUsers(api);
  change(file);
  writeFileSync(join(api.dir, 'users.json'), JSON.stringify(file));
}

/** Replaces the users file by renaming a new one over it (as deploy tools do). */
function replaceUsers(api: ApiHarness, change: (file: UsersFile) => void): void {
  const file = readUsers(api);
  change(file);
  const next = join(api.dir, `users.json.${randomUUID()}`);
  writeFileSync(next, JSON.stringify(file));
  renameSync(next, join(api.dir, 'users.json'));
}

/** Polls until `request` answers `status`; returns how long that took (the file is watched, with a 1 s poll behind it). */
async function untilStatus(
  request: () => PromiseLike<{ status: number }>,
  status: number,
  timeoutMs = 3_000,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    const response = await request();
    if (response.status === status) return Date.now() - started;
    if (Date.now() - started > timeoutMs)
      throw new Error(`still ${response.status} after ${timeoutMs} ms, expected ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('authentication', () => {
  let api: ApiHarness;
  const now = Math.floor(Date.now() / 1000);
  let valid: Record<string, unknown>;

  beforeAll(async () => {
    api = await ApiHarness.start([
      { username: 'kikaku', role: 'planning_office' },
      { username: 'unyo', role: 'operator' },
    ]);
    const kikaku = readUsers(api).users.find((u) => u.username === 'kikaku')!;
    valid = {
      sub: 'kikaku',
      role: 'planning_office',
      ward: 'nerima',
      name: '企画',
      cred: credentialStamp(kikaku.passwordHash),
      jti: randomUUID(),
      iss: 'pdca-review',
      aud: 'pdca-review-api',
      iat: now,
      exp: now + 600,
    };
  });
  afterAll(() => api.stop());

  const get = (bearer: string) => api.http.get('/wards/nerima/catalogue').set('Authorization', `Bearer ${bearer}`);

  it('issues a token for the right password only, with the same message for unknown users', async () => {
    const wrong = await api.http.post('/auth/token').send({ username: 'kikaku', password: 'nope' });
    const unknown = await api.http.post('/auth/token').send({ username: 'nobody', password: 'nope' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body).toEqual(unknown.body);
    expect((await get(await api.token('kikaku'))).status).toBe(200);
  });

  it('accepts a well-formed HS256 token with the right issuer, audience and expiry', async () => {
    expect((await get(token({ alg: 'HS256', typ: 'JWT' }, valid))).status).toBe(200);
  });

  it.each([
    ['an expired token', () => token({ alg: 'HS256', typ: 'JWT' }, { ...valid, exp: now - 10 })],
    [
      'a token without exp (correctly signed, it would otherwise be valid forever)',
      () => token({ alg: 'HS256', typ: 'JWT' }, { ...valid, exp: undefined }),
    ],
    ['another audience', () => token({ alg: 'HS256', typ: 'JWT' }, { ...valid, aud: 'someone-else' })],
    ['another issuer', () => token({ alg: 'HS256', typ: 'JWT' }, { ...valid, iss: 'someone-else' })],
    ['another secret', () => token({ alg: 'HS256', typ: 'JWT' }, valid, 'x'.repeat(40))],
    [
      'the none algorithm',
      () =>
        `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(valid)).toString('base64url')}.`,
    ],
    ['an algorithm other than the pinned one', () => token({ alg: 'HS512', typ: 'JWT' }, valid)],
    [
      'a role the users file does not give the user',
      () => token({ alg: 'HS256', typ: 'JWT' }, { ...valid, role: 'auditor' }),
    ],
    ['a user the users file does not list', () => token({ alg: 'HS256', typ: 'JWT' }, { ...valid, sub: 'ghost' })],
    ['garbage', () => 'not-a-token-at-all'],
  ])('refuses %s with 401', async (_label, bearer) => {
    const response = await get(bearer());
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('UNAUTHENTICATED');
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  it('refuses a token it accepted a moment ago once that token has expired (verified tokens are remembered only until their expiry)', async () => {
    const shortLived = token({ alg: 'HS256', typ: 'JWT' }, { ...valid, exp: Math.floor(Date.now() / 1000) + 3 });
    expect((await get(shortLived)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    expect((await get(shortLived)).status).toBe(401);
  });

  it('remembers a verified token only byte for byte: the same claims with a broken signature are refused', async () => {
    const good = token({ alg: 'HS256', typ: 'JWT' }, valid);
    expect((await get(good)).status).toBe(200);
    const [header, claims] = good.split('.');
    expect((await get(`${header}.${claims}.${'A'.repeat(43)}`)).status).toBe(401);
  });

  it('gives the operator (IT staff) no way into its ward: every registered ward route answers 403 ROLE_NOT_ALLOWED', async () => {
    const bearer = `Bearer ${await api.token('unyo')}`;
    const wardRoutes = registeredRoutes(api).filter((r) => r.path.startsWith('/wards/:wardId'));
    expect(wardRoutes.length).toBeGreaterThan(40);
    const answers: string[] = [];
    for (const route of wardRoutes) {
      const path = route.path.replace(':wardId', 'nerima').replace(':fiscalYear', '2022').replace(/:\w+/g, 'X1');
      const response = await (api.http as unknown as Record<string, (url: string) => import('supertest').Test>)
        [route.method](path)
        .set('Authorization', bearer)
        .send({});
      answers.push(`${route.method} ${route.path} → ${response.status} ${response.body?.code}`);
    }
    expect(answers.filter((a) => !a.endsWith('→ 403 ROLE_NOT_ALLOWED'))).toEqual([]);
  });
});

describe('a change to the users file takes effect at once', () => {
  let api: ApiHarness;
  beforeEach(async () => {
    api = await ApiHarness.start([
      { username: 'kikaku', role: 'planning_office' },
      { username: 'kikaku2', role: 'planning_office' },
      { username: 'hoiku', role: 'section_staff', sectionId: 'hoiku' },
    ]);
    const kikaku = await api.as('kikaku');
    for (const sectionId of ['hoiku', 'gakumu'])
      await kikaku
        .post('/wards/nerima/catalogue/sections', { sectionId, department: 'こども家庭部', name: sectionId })
        .expect(200);
  });
  afterEach(() => api.stop());

  const registerPillar = async (bearer: string, pillarId: string) =>
    api.http
      .post('/wards/nerima/catalogue/pillars')
      .set('Authorization', `Bearer ${bearer}`)
      .send({ pillarId, code: pillarId, title: '子どもたちの笑顔輝くまち' });

  it('a deleted user is refused (401) on the next request, with the token still unexpired and already verified', async () => {
    const bearer = await api.token('kikaku2');
    expect((await registerPillar(bearer, 'I')).status).toBe(200);
    rewriteUsers(api, (file) => {
      file.users = file.users.filter((u) => u.username !== 'kikaku2');
    });
    const tookMs = await untilStatus(() => registerPillar(bearer, 'II'), 401);
    expect(tookMs).toBeLessThan(1_500);
    const catalogue = await (await api.as('kikaku')).get('/wards/nerima/catalogue').expect(200);
    expect(JSON.stringify(catalogue.body)).not.toContain('"II"');
    expect(
      (await api.http.post('/auth/token').send({ username: 'kikaku2', password: 'correct horse battery staple' }))
        .status,
    ).toBe(401);
  });

  it('a demoted user is refused at once, and signs in again with the new role only', async () => {
    const bearer = await api.token('kikaku2');
    expect((await registerPillar(bearer, 'I')).status).toBe(200);
    replaceUsers(api, (file) => {
      Object.assign(
        file.users.find((u) => u.username === 'kikaku2')!,
        { role: 'section_staff', sectionId: 'gakumu' },
      );
    });
    expect(await untilStatus(() => registerPillar(bearer, 'II'), 401)).toBeLessThan(1_500);
    const again = await api.http
      .post('/auth/token')
      .send({ username: 'kikaku2', password: 'correct horse battery staple' })
      .expect(200);
    expect(again.body.user).toMatchObject({ role: 'section_staff', sectionId: 'gakumu' });
    expect((await registerPillar(again.body.accessToken, 'II')).status).toBe(403);
  });

  it("a user moved to another section is refused with the old section's token", async () => {
    const bearer = await api.token('hoiku');
    const inbox = () => api.http.get('/wards/nerima/cycles/2022/items').set('Authorization', `Bearer ${bearer}`);
    expect((await inbox()).status).not.toBe(401);
    rewriteUsers(api, (file) => {
      file.users.find((u) => u.username === 'hoiku')!.sectionId = 'gakumu';
    });
    expect(await untilStatus(inbox, 401)).toBeLessThan(1_500);
  });

  it("a new password signs the user's tokens out", async () => {
    const bearer = await api.token('kikaku2');
    const other = readUsers(api).users.find((u) => u.username === 'hoiku')!.passwordHash;
    rewriteUsers(api, (file) => {
      file.users.find((u) => u.username === 'kikaku2')!.passwordHash = other.replace(
        /:[^:]+:/,
        ':AAAAAAAAAAAAAAAAAAAAAA==:',
      );
    });
    expect(await untilStatus(() => registerPillar(bearer, 'II'), 401)).toBeLessThan(1_500);
  });

  it('an invalid new file keeps the last good users (and a later valid one is taken)', async () => {
    const bearer = await api.token('kikaku2');
    writeFileSync(join(api.dir, 'users.json'), '{"users": [ {"username": "kikaku2", "role": "superuser"');
    await new Promise((resolve) => setTimeout(resolve, 1_300)); // longer than the fallback poll
    expect((await registerPillar(bearer, 'I')).status).toBe(200);
    writeFileSync(
      join(api.dir, 'users.json'),
      JSON.stringify({
        users: [{ username: 'kikaku2', role: 'superuser', wardId: 'nerima', displayName: 'x', passwordHash: 'x' }],
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect((await registerPillar(bearer, 'II')).status).toBe(200);
    writeFileSync(join(api.dir, 'users.json'), JSON.stringify({ users: [] }));
    expect(await untilStatus(() => registerPillar(bearer, 'III'), 401)).toBeLessThan(1_500);
  });
});
