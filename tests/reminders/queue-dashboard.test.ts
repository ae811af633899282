import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { parseSetCookie } from 'cookie';
import { ApiHarness, PASSWORD } from '../support/api-harness';
import { QueueProbe } from './support/queue-probe';
import { MACHINE_REDIS } from './support/reminder-world';

jest.setTimeout(60_000);

const users = [
  { username: 'unyo', role: 'operator' as const },
  { username: 'kikaku', role: 'planning_office' as const },
  { username: 'hoiku', role: 'section_staff' as const, sectionId: 'hoiku' },
];

describe('queue dashboard for operators (IT staff)', () => {
  const queue = `reminders-dashboard-${randomUUID().slice(0, 8)}`;
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start(users, { env: { REDIS_URL: MACHINE_REDIS, REMINDER_QUEUE: queue } });
  });
  afterAll(async () => {
    await api?.stop();
    await new QueueProbe(queue, MACHINE_REDIS).close(); // the dashboard's queue metadata
  });

  const sessionCookie = async (username: string) => {
    const response = await api.http.post('/auth/session').send({ username, password: PASSWORD }).expect(200);
    return `pdca_session=${parseSetCookie(String(response.headers['set-cookie'])).value}`;
  };

  it('needs a token or a session: 401 without one or with a bad one', async () => {
    const anonymous = await api.http.get('/admin/queues').expect(401);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
    expect(anonymous.headers['www-authenticate']).toBe('Bearer');
    await api.http.get('/admin/queues').set('Authorization', 'Bearer not.a.valid.token').expect(401);
    await api.http.get('/admin/queues/api/queues').set('Cookie', 'pdca_session=not.a.valid.token').expect(401);
  });

  it("is refused (403) to every ward's roles, the planning office included: the queue is shared by all wards", async () => {
    for (const username of ['kikaku', 'hoiku']) {
      const byBearer = await api.http
        .get('/admin/queues/api/queues')
        .set('Authorization', `Bearer ${await api.token(username)}`)
        .expect(403);
      expect(byBearer.body.code).toBe('ROLE_NOT_ALLOWED');
      await api.http
        .get('/admin/queues')
        .set('Cookie', await sessionCookie(username))
        .expect(403);
    }
  });

  it('shows Bull Board, read-only, to an operator with a bearer token', async () => {
    const page = await api.http
      .get('/admin/queues')
      .set('Authorization', `Bearer ${await api.token('unyo')}`)
      .expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('<title>PDCA 督促キュー</title>');
    expect(page.text).not.toMatch(/fonts\.googleapis|fonts\.gstatic/); // nothing from outside the origin (the CSP would refuse it)
    const queues = await api.http
      .get('/admin/queues/api/queues')
      .set('Authorization', `Bearer ${await api.token('unyo')}`)
      .expect(200);
    expect(queues.body.queues).toEqual([expect.objectContaining({ name: queue, readOnlyMode: true })]);
  });

  it("lets an operator's browser in with the session cookie, for reads only (Bull Board cannot send the CSRF token)", async () => {
    const cookie = await sessionCookie('unyo');
    await api.http.get('/admin/queues').set('Cookie', cookie).expect(200);
    const queues = await api.http.get('/admin/queues/api/queues').set('Cookie', cookie).expect(200);
    expect(queues.body.queues).toEqual([expect.objectContaining({ name: queue })]);
    const write = await api.http.put(`/admin/queues/api/queues/${queue}/pause`).set('Cookie', cookie).expect(403);
    expect(write.body.code).toBe('CSRF_TOKEN_INVALID');
  });
});

describe('queue dashboard while Redis is down', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start(users, { env: { REDIS_URL: `redis://127.0.0.1:${await closedPort()}` } });
  });
  afterAll(() => api?.stop());

  it('answers 503 at once and the API goes on working', async () => {
    const started = Date.now();
    const down = await api.http
      .get('/admin/queues')
      .set('Authorization', `Bearer ${await api.token('unyo')}`)
      .expect(503);
    expect(down.body.code).toBe('QUEUE_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(5_000);
    const kikaku = await api.as('kikaku');
    await kikaku
      .post('/wards/nerima/catalogue/sections', { sectionId: 'hoiku', department: 'こども家庭部', name: '保育課' })
      .expect(200);
    await api.http.get('/health/ready').expect(200);
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
