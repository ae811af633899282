import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSetCookie } from 'cookie';
import { EVENT_STORE, EventStore } from '@pdca/event-store';
import { credentialStamp } from '../../apps/api/src/auth/credential-stamp';
import { ApiHarness, PASSWORD } from '../support/api-harness';

const W = '/wards/nerima';
const section = (sectionId: string) => ({ sectionId, department: 'こども家庭部', name: `${sectionId}課` });

describe('browser session (cookie + CSRF token)', () => {
  let api: ApiHarness;
  let store: EventStore;
  beforeAll(async () => {
    api = await ApiHarness.start([
      { username: 'kikaku', role: 'planning_office' },
      { username: 'hoiku', role: 'section_staff', sectionId: 'hoiku' },
      { username: 'unyo', role: 'operator' },
    ]);
    store = api.app.get<EventStore>(EVENT_STORE);
  });
  afterAll(() => api.stop());

  async function signIn(username = 'kikaku') {
    const response = await api.http.post('/auth/session').send({ username, password: PASSWORD }).expect(200);
    const setCookie = parseSetCookie(String(response.headers['set-cookie']));
    return {
      response,
      setCookie,
      cookie: `pdca_session=${setCookie.value}`,
      csrfToken: response.body.csrfToken as string,
    };
  }

  it('signs in: the user, a CSRF token and the expiry in the body; the token only in an HttpOnly, SameSite=Strict cookie', async () => {
    const { response, setCookie } = await signIn('hoiku');
    expect(response.body).toEqual({
      user: { username: 'hoiku', displayName: 'hoiku', role: 'section_staff', wardId: 'nerima', sectionId: 'hoiku' },
      csrfToken: expect.stringMatching(/^[\w-]{43}$/),
      expiresAt: expect.any(String),
    });
    expect(Math.abs(Date.parse(response.body.expiresAt) - Date.now() - 3_600_000)).toBeLessThan(10_000);
    expect(setCookie).toMatchObject({
      name: 'pdca_session',
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      maxAge: 3600,
    });
    expect(setCookie.secure).toBeFalsy(); // PUBLIC_BASE_URL is http://localhost here
    expect(JSON.stringify(response.body)).not.toContain(setCookie.value);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('refuses wrong credentials with 401 INVALID_CREDENTIALS and sets no cookie', async () => {
    const response = await api.http.post('/auth/session').send({ username: 'kikaku', password: 'nope' }).expect(401);
    expect(response.body.code).toBe('INVALID_CREDENTIALS');
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('reads with the cookie alone, and GET /auth/session tells who is signed in', async () => {
    const { cookie, csrfToken } = await signIn();
    await api.http.get(`${W}/catalogue`).set('Cookie', cookie).expect(200);
    const current = await api.http.get('/auth/session').set('Cookie', cookie).expect(200);
    expect(current.body).toMatchObject({
      user: { username: 'kikaku', role: 'planning_office', wardId: 'nerima' },
      csrfToken,
    });
    expect(current.body.user).not.toHaveProperty('sectionId');
    const operator = await signIn('unyo'); // every role has a session, the operator included
    await api.http.get('/auth/session').set('Cookie', operator.cookie).expect(200);
    const anonymous = await api.http.get('/auth/session').expect(401);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
  });

  it("refuses a change made with the cookie without the CSRF token, or with a wrong one or another session's, and appends nothing", async () => {
    const { cookie } = await signIn();
    const other = await signIn();
    const before = await store.headPosition();
    for (const csrf of [undefined, '', 'x'.repeat(43), other.csrfToken, `${other.csrfToken}x`]) {
      const request = api.http.post(`${W}/catalogue/sections`).set('Cookie', cookie);
      if (csrf !== undefined) request.set('X-CSRF-Token', csrf);
      const response = await request.send(section('hoiku'));
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({
        statusCode: 403,
        code: 'CSRF_TOKEN_INVALID',
        message: { ja: expect.any(String), en: expect.any(String) },
      });
    }
    expect(await store.headPosition()).toBe(before);
    const catalogue = await api.http.get(`${W}/catalogue`).set('Cookie', cookie).expect(200);
    expect(JSON.stringify(catalogue.body)).not.toContain('hoiku課');
  });

  it('accepts a change made with the cookie and the right CSRF token; bearer requests need none', async () => {
    const { cookie, csrfToken } = await signIn();
    await api.http
      .post(`${W}/catalogue/sections`)
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrfToken)
      .send(section('kosodate'))
      .expect(200);
    await (await api.as('kikaku')).post(`${W}/catalogue/sections`, section('gakumu')).expect(200);
    const catalogue = await api.http.get(`${W}/catalogue`).set('Cookie', cookie).expect(200);
    expect(JSON.stringify(catalogue.body)).toContain('kosodate課');
    expect(JSON.stringify(catalogue.body)).toContain('gakumu課');
  });

  it('signs out: 204, the cookie cleared, and the old cookie refused afterwards', async () => {
    const { cookie, csrfToken } = await signIn();
    await api.http.delete('/auth/session').set('Cookie', cookie).expect(403); // a change made with the cookie: CSRF token needed
    await api.http.get('/auth/session').set('Cookie', cookie).expect(200);
    const out = await api.http.delete('/auth/session').set('Cookie', cookie).set('X-CSRF-Token', csrfToken).expect(204);
    const cleared = parseSetCookie(String(out.headers['set-cookie']));
    expect(cleared).toMatchObject({
      name: 'pdca_session',
      value: '',
      maxAge: 0,
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
    });
    await api.http.get('/auth/session').set('Cookie', cookie).expect(401);
    await api.http.get(`${W}/catalogue`).set('Cookie', cookie).expect(401);
    await api.http.delete('/auth/session').set('Cookie', cookie).expect(204); // signing out twice is fine
  });

  it('refuses an expired session with 401', async () => {
    const passwordHash = (
      JSON.parse(readFileSync(join(api.dir, 'users.json'), 'utf8')) as {
        users: Array<{ username: string; passwordHash: string }>;
      }
    ).users.find((u) => u.username === 'kikaku')!.passwordHash;
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      sub: 'kikaku',
      role: 'planning_office',
      ward: 'nerima',
      name: 'kikaku',
      cred: credentialStamp(passwordHash),
      jti: randomUUID(),
      iss: 'pdca-review',
      aud: 'pdca-review-api',
    };
    const signed = (exp: number) => {
      const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ ...claims, iat: exp - 3600, exp })}`;
      return `${unsigned}.${createHmac('sha256', 's'.repeat(40)).update(unsigned).digest('base64url')}`;
    };
    await api.http
      .get('/auth/session')
      .set('Cookie', `pdca_session=${signed(now + 600)}`)
      .expect(200); // the same claims, unexpired
    const expired = await api.http
      .get(`${W}/catalogue`)
      .set('Cookie', `pdca_session=${signed(now - 5)}`)
      .expect(401);
    expect(expired.body.code).toBe('UNAUTHENTICATED');
    await api.http
      .get('/auth/session')
      .set('Cookie', `pdca_session=${signed(now - 5)}`)
      .expect(401);
  });

  it('refuses a malformed session cookie with 401, and a malformed Authorization header does not fall back to the cookie', async () => {
    await api.http.get(`${W}/catalogue`).set('Cookie', 'pdca_session=%%%').expect(401);
    const { cookie } = await signIn();
    await api.http.get(`${W}/catalogue`).set('Cookie', cookie).set('Authorization', 'Basic abc').expect(401);
  });
});

describe('browser session over https', () => {
  it('marks the cookie Secure when PUBLIC_BASE_URL is https', async () => {
    const api = await ApiHarness.start([{ username: 'kikaku', role: 'planning_office' }], {
      env: { PUBLIC_BASE_URL: 'https://pdca.city.example.jp' },
    });
    try {
      const response = await api.http
        .post('/auth/session')
        .send({ username: 'kikaku', password: PASSWORD })
        .expect(200);
      expect(parseSetCookie(String(response.headers['set-cookie']))).toMatchObject({
        name: 'pdca_session',
        secure: true,
        httpOnly: true,
        sameSite: 'strict',
      });
      const out = await api.http.delete('/auth/session').expect(204);
      expect(parseSetCookie(String(out.headers['set-cookie']))).toMatchObject({ secure: true, maxAge: 0 });
    } finally {
      await api.stop();
    }
  });
});
