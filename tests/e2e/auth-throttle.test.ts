import { ApiHarness, PASSWORD } from '../support/api-harness';
import { LOGIN_LIMITS } from '../../apps/api/src/auth/login-throttle';

const USER_LIMIT = LOGIN_LIMITS.perUserName.failures;
const ADDRESS_LIMIT = LOGIN_LIMITS.perAddress.failures;

function expectThrottled(
  response: {
    status: number;
    body: { code: string; message: { ja: string; en: string } };
    headers: Record<string, string>;
  },
  windowSeconds: number,
): void {
  expect(response.status).toBe(429);
  expect(response.body.code).toBe('TOO_MANY_ATTEMPTS');
  expect(response.body.message.ja).toMatch(/秒後/);
  const retryAfter = Number(response.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
}

describe('sign-in throttling', () => {
  let api: ApiHarness;
  beforeEach(async () => {
    api = await ApiHarness.start([
      { username: 'kikaku', role: 'planning_office' },
      { username: 'iin', role: 'council_member' },
    ]);
  });
  afterEach(() => api.stop());

  const login = (path: '/auth/token' | '/auth/session', username: string, password: string) =>
    api.http.post(path).send({ username, password });

  it(`refuses a user name after ${USER_LIMIT} wrong passwords, even with the right one, on both sign-in routes; others sign in`, async () => {
    for (let i = 0; i < USER_LIMIT; i++)
      expect((await login(i % 2 ? '/auth/token' : '/auth/session', 'kikaku', `guess ${i}`)).status).toBe(401);
    expectThrottled(await login('/auth/token', 'kikaku', PASSWORD), LOGIN_LIMITS.perUserName.windowSeconds);
    const session = await login('/auth/session', 'kikaku', PASSWORD);
    expectThrottled(session, LOGIN_LIMITS.perUserName.windowSeconds);
    expect(session.headers['set-cookie']).toBeUndefined();
    expect((await login('/auth/token', 'iin', PASSWORD)).status).toBe(200);
  });

  it('counts parallel guesses before the slow password check: of 3× the limit sent at once, exactly the limit is checked', async () => {
    const responses = await Promise.all(
      Array.from({ length: USER_LIMIT * 3 }, (_, i) => login('/auth/token', 'kikaku', `parallel ${i}`)),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(USER_LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(USER_LIMIT * 2);
  });

  it("counts failures only: successful sign-ins never add up, and the right password ends the name's run of failures", async () => {
    for (let i = 0; i < USER_LIMIT * 2; i++) expect((await login('/auth/token', 'kikaku', PASSWORD)).status).toBe(200);
    for (let i = 0; i < USER_LIMIT - 1; i++) expect((await login('/auth/token', 'kikaku', 'typo')).status).toBe(401);
    expect((await login('/auth/session', 'kikaku', PASSWORD)).status).toBe(200);
    for (let i = 0; i < USER_LIMIT - 1; i++) expect((await login('/auth/token', 'kikaku', 'typo')).status).toBe(401);
    expect((await login('/auth/token', 'kikaku', PASSWORD)).status).toBe(200);
  });

  it(`refuses a client address after ${ADDRESS_LIMIT} failures over many user names, for every user; a forged X-Forwarded-For changes nothing`, async () => {
    for (let batch = 0; batch < ADDRESS_LIMIT / 10; batch++) {
      const statuses = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          login('/auth/token', `sprayed-${batch}-${i}`, 'password1')
            .set('X-Forwarded-For', `198.51.100.${batch * 10 + i}`)
            .then((r) => r.status),
        ),
      );
      expect(statuses).toEqual(Array(10).fill(401));
    }
    expectThrottled(
      await login('/auth/token', 'someone-else', 'password1').set('X-Forwarded-For', '198.51.100.250'),
      LOGIN_LIMITS.perAddress.windowSeconds,
    );
    expectThrottled(await login('/auth/session', 'iin', PASSWORD), LOGIN_LIMITS.perAddress.windowSeconds);
  });
});

describe('sign-in throttling of an office behind one address', () => {
  const STAFF = Array.from({ length: ADDRESS_LIMIT + 20 }, (_, i) => ({
    username: `staff-${i}`,
    role: 'section_staff' as const,
    sectionId: `sec${i}`,
  }));
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start(STAFF);
  });
  afterAll(() => api.stop());

  it('lets a whole office sign in at once: more correct sign-ins in flight than the address limit', async () => {
    const statuses = await Promise.all(
      STAFF.map(({ username }, i) =>
        api.http
          .post(i % 2 ? '/auth/token' : '/auth/session')
          .send({ username, password: PASSWORD })
          .then((r) => r.status),
      ),
    );
    expect(statuses).toEqual(Array(STAFF.length).fill(200));
  });
});

describe('sign-in throttling behind a reverse proxy (TRUST_PROXY)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start([{ username: 'iin', role: 'council_member' }], { env: { TRUST_PROXY: 'loopback' } });
  });
  afterAll(() => api.stop());

  const from = (client: string, username: string, password: string) =>
    api.http.post('/auth/token').set('X-Forwarded-For', client).send({ username, password });

  it('counts per client address as the trusted proxy names it, so one client does not lock out the others behind the same proxy', async () => {
    for (let batch = 0; batch < ADDRESS_LIMIT / 10; batch++) {
      const statuses = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          from('203.0.113.7', `sprayed-${batch}-${i}`, 'password1').then((r) => r.status),
        ),
      );
      expect(statuses).toEqual(Array(10).fill(401));
    }
    expectThrottled(await from('203.0.113.7', 'iin', PASSWORD), LOGIN_LIMITS.perAddress.windowSeconds);
    expect((await from('203.0.113.8', 'iin', PASSWORD)).status).toBe(200);
  });

  it('counts an IPv6 client per /64: changing the address inside its prefix does not escape the limit', async () => {
    for (let batch = 0; batch < ADDRESS_LIMIT / 10; batch++) {
      const statuses = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          from(`2001:db8:1:2::${(batch * 10 + i).toString(16)}`, `v6-${batch}-${i}`, 'password1').then((r) => r.status),
        ),
      );
      expect(statuses).toEqual(Array(10).fill(401));
    }
    expectThrottled(
      await from('2001:db8:1:2:ffff:ffff:ffff:ffff', 'iin', PASSWORD),
      LOGIN_LIMITS.perAddress.windowSeconds,
    );
    expect((await from('2001:db8:1:3::1', 'iin', PASSWORD)).status).toBe(200);
  });
});
