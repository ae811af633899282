import { createHmac } from 'node:crypto';
import { ApiHarness } from '../support/api-harness';

const SECRET = 's'.repeat(40);

/** A hand-made JWT, to prove what the API refuses. */
function token(header: object, claims: object, secret = SECRET): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode(header)}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

describe('authentication', () => {
  let api: ApiHarness;
  const now = Math.floor(Date.now() / 1000);
  const valid = { sub: 'kikaku', role: 'planning_office', ward: 'nerima', name: '企画', iss: 'pdca-review', aud: 'pdca-review-api', iat: now, exp: now + 600 };

  beforeAll(async () => {
    api = await ApiHarness.start([{ username: 'kikaku', role: 'planning_office' }]);
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
    ['an expired token', token({ alg: 'HS256', typ: 'JWT' }, { ...valid, exp: now - 10 })],
    ['another audience', token({ alg: 'HS256', typ: 'JWT' }, { ...valid, aud: 'someone-else' })],
    ['another issuer', token({ alg: 'HS256', typ: 'JWT' }, { ...valid, iss: 'someone-else' })],
    ['another secret', token({ alg: 'HS256', typ: 'JWT' }, valid, 'x'.repeat(40))],
    ['the none algorithm', `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(valid)).toString('base64url')}.`],
    ['an algorithm other than the pinned one', token({ alg: 'HS512', typ: 'JWT' }, valid)],
    ['garbage', 'not-a-token-at-all'],
  ])('refuses %s with 401', async (_label, bearer) => {
    const response = await get(bearer);
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
});
