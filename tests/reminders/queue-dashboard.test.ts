import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { ApiHarness } from '../support/api-harness';
import { QueueProbe } from './support/queue-probe';
import { MACHINE_REDIS } from './support/reminder-world';

jest.setTimeout(60_000);

const users = [
  { username: 'kikaku', role: 'planning_office' as const },
  { username: 'hoiku', role: 'section_staff' as const, sectionId: 'hoiku' },
];

describe('queue dashboard for the planning office', () => {
  const queue = `reminders-dashboard-${randomUUID().slice(0, 8)}`;
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start(users, { env: { REDIS_URL: MACHINE_REDIS, REMINDER_QUEUE: queue } });
  });
  afterAll(async () => {
    await api?.stop();
    await new QueueProbe(queue, MACHINE_REDIS).close(); // the dashboard's queue metadata
  });

  it('needs a token: 401 without one or with a bad one, 403 for roles other than the planning office', async () => {
    const anonymous = await api.http.get('/admin/queues').expect(401);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
    expect(anonymous.headers['www-authenticate']).toBe('Bearer');
    await api.http.get('/admin/queues?access_token=not.a.valid.token').expect(401);
    const staff = await api.http.get('/admin/queues').set('Authorization', `Bearer ${await api.token('hoiku')}`).expect(403);
    expect(staff.body.code).toBe('ROLE_NOT_ALLOWED');
    await api.http.get('/admin/queues/api/queues').set('Cookie', `pdca_queue_dashboard=${await api.token('hoiku')}`).expect(403);
  });

  it('shows Bull Board, read-only, to the planning office with a bearer token', async () => {
    const page = await api.http.get('/admin/queues').set('Authorization', `Bearer ${await api.token('kikaku')}`).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const queues = await api.http.get('/admin/queues/api/queues').set('Authorization', `Bearer ${await api.token('kikaku')}`).expect(200);
    expect(queues.body.queues).toEqual([expect.objectContaining({ name: queue, readOnlyMode: true })]);
  });

  it('lets a browser in with ?access_token= once: an HttpOnly, SameSite=Strict cookie, and the token leaves the address', async () => {
    const entry = await api.http.get(`/admin/queues?access_token=${await api.token('kikaku')}`).expect(303);
    expect(entry.headers.location).toBe('/admin/queues');
    const cookie = String(entry.headers['set-cookie']);
    expect(cookie).toMatch(/^pdca_queue_dashboard=[\w.-]+; Path=\/admin\/queues; HttpOnly; SameSite=Strict; Max-Age=3600$/);
    await api.http.get('/admin/queues/api/queues').set('Cookie', cookie.split(';')[0]).expect(200);
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
    const down = await api.http.get('/admin/queues').set('Authorization', `Bearer ${await api.token('kikaku')}`).expect(503);
    expect(down.body.code).toBe('QUEUE_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(5_000);
    const kikaku = await api.as('kikaku');
    await kikaku.post('/wards/nerima/catalogue/sections', { sectionId: 'hoiku', department: 'こども家庭部', name: '保育課' }).expect(200);
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
