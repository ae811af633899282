import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@pdca/event-store';
import { ApiProcess } from '../bench/support/api-process';
import { projectIdOf, sectionOfProject } from '../bench/support/synthetic-ward';
import { PASSWORD } from '../bench/support/users';
import { FY, writeOpenWards } from '../reliability/support/fixture-wards';

const WARD = 'mp_a';
const SHAPE = { projects: 40, sections: 4 };
const ITEMS = `/wards/${WARD}/cycles/${FY}`;

/**
 * Two API processes on one SQLite file, as `docker compose --scale api=2` runs them on one host.
 * Honest only because the store's writer is safe across processes: each group of appends runs in
 * one BEGIN IMMEDIATE transaction that reads the log's tail and checks every expected revision
 * under SQLite's write lock, and event ids (derived from the Idempotency-Key) are unique in the
 * table. Each process projects its own read models from the shared log.
 */
describe('two API processes on one store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdca-two-apis-'));
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  const { usersFile } = writeOpenWards(dataDir, [WARD], SHAPE);
  let a: ApiProcess;
  let b: ApiProcess;

  beforeAll(async () => {
    [a, b] = await Promise.all([ApiProcess.start({ dataDir, usersFile }), ApiProcess.start({ dataDir, usersFile })]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a?.kill(), b?.kill()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const staffOf = (index: number) => `${WARD}.${sectionOfProject(SHAPE, index)}`;
  const call = async (
    api: ApiProcess,
    token: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${api.base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
  };
  const itemOn = async (api: ApiProcess, token: string, projectId: string, minPosition: number) => {
    const read = await call(api, token, 'GET', `${ITEMS}/items?minPosition=${minPosition}`);
    expect(read.status).toBe(200);
    return (read.body.items as Array<Record<string, any>>).find((item) => item.itemId === projectId);
  };

  it('shows a command accepted by one process through the other, with read-your-writes (minPosition)', async () => {
    const projectId = projectIdOf(0);
    const [tokenA, tokenB] = await Promise.all([a.login(staffOf(0), PASSWORD), b.login(staffOf(0), PASSWORD)]);
    const accepted = await call(a, tokenA, 'PUT', `${ITEMS}/projects/${projectId}/draft`, {
      actual: { text: 'A で下書き' },
    });
    expect(accepted.status).toBe(200);
    const position = Number(accepted.headers.get('x-position'));
    expect(position).toBeGreaterThan(0);
    // At once, with no sleep: the other process waits until its own projection reaches the position.
    expect(await itemOn(b, tokenB, projectId, position)).toMatchObject({
      status: 'draft',
      actual: { text: 'A で下書き' },
    });
  }, 60_000);

  it('holds an Idempotency-Key across the processes: the retry on the other one replays and appends nothing', async () => {
    const index = 1;
    const [tokenA, tokenB] = await Promise.all([a.login(staffOf(index), PASSWORD), b.login(staffOf(index), PASSWORD)]);
    const path = `${ITEMS}/projects/${projectIdOf(index)}/submission`;
    const body = { actual: { text: '実施' }, rating: { scheme: 'nerima', grade: 'A' } };
    const headers = { 'idempotency-key': 'two-processes-submit-1' };
    const first = await call(a, tokenA, 'POST', path, body, headers);
    expect(first.status).toBe(200);
    const before = await eventCount(dataDir);
    const retry = await call(b, tokenB, 'POST', path, body, headers);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ replayed: true, revision: first.body.revision, position: first.body.position });
    expect(await eventCount(dataDir)).toBe(before);
    const reused = await call(b, tokenB, 'POST', path, { ...body, actual: { text: '別の内容' } }, headers);
    expect(reused.status).toBe(422);
  }, 60_000);

  it('refuses a key reused on another item on the other process (422), appending nothing, also when both race', async () => {
    const [first, second, third] = [3, 5, 8]; // projects of one section (sections own blocks of ten)
    expect(staffOf(first)).toBe(staffOf(second));
    const [tokenA, tokenB] = await Promise.all([a.login(staffOf(first), PASSWORD), b.login(staffOf(first), PASSWORD)]);
    const draft = (index: number) => `${ITEMS}/projects/${projectIdOf(index)}/draft`;
    const body = { actual: { text: '同じキーで別の取組' } };
    const headers = { 'idempotency-key': 'two-processes-other-item' };
    expect((await call(a, tokenA, 'PUT', draft(first), body, headers)).status).toBe(200);
    const before = await eventCount(dataDir);
    const reused = await call(b, tokenB, 'PUT', draft(second), body, headers);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await eventCount(dataDir)).toBe(before);
    // Sent at the same moment to both processes for two items: exactly one is accepted.
    const raced = { 'idempotency-key': 'two-processes-race-key' };
    const answers = await Promise.all([
      call(a, tokenA, 'PUT', draft(second), body, raced),
      call(b, tokenB, 'PUT', draft(third), body, raced),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 422]);
  }, 60_000);

  it('lets exactly one of two conflicting reviews sent to different processes win', async () => {
    const index = 2;
    const projectId = projectIdOf(index);
    const staff = await a.login(staffOf(index), PASSWORD);
    const submitted = await call(a, staff, 'POST', `${ITEMS}/projects/${projectId}/submission`, {
      actual: { text: '実施' },
      rating: { scheme: 'nerima', grade: 'A' },
    });
    expect(submitted.status).toBe(200);
    const etag = submitted.headers.get('etag')!;
    const [councilA, councilB] = await Promise.all([
      a.login(`${WARD}.iin`, PASSWORD),
      b.login(`${WARD}.iin`, PASSWORD),
    ]);
    const reviews = await Promise.all([
      call(
        a,
        councilA,
        'POST',
        `${ITEMS}/projects/${projectId}/review`,
        { decision: 'approve' },
        { 'if-match': etag, 'idempotency-key': 'review-on-a' },
      ),
      call(
        b,
        councilB,
        'POST',
        `${ITEMS}/projects/${projectId}/review`,
        { decision: 'return', comments: '根拠を追記してください' },
        { 'if-match': etag, 'idempotency-key': 'review-on-b' },
      ),
    ]);
    expect(reviews.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = reviews.find((r) => r.status === 200)!;
    const loser = reviews.find((r) => r.status === 409)!;
    expect(loser.body.code).toBe('STALE_REVISION');
    const stream = await streamOf(dataDir, winner.body.position);
    expect(stream.reviews).toBe(1);
    // Both processes then show the winner's decision.
    const position = Number(winner.headers.get('x-position'));
    const [onA, onB] = await Promise.all([
      itemOn(a, councilA, projectId, position),
      itemOn(b, councilB, projectId, position),
    ]);
    expect(onA?.status).toBe(onB?.status);
    expect(onA?.status).toBe(reviews[0].status === 200 ? 'approved' : 'returned');
  }, 60_000);
});

async function eventCount(dataDir: string): Promise<number> {
  const store = new SqliteEventStore(join(dataDir, 'events.db'));
  try {
    return await store.headPosition();
  } finally {
    await store.close();
  }
}

/** How many review decisions the stream of the event at `position` holds. */
async function streamOf(dataDir: string, position: number): Promise<{ reviews: number }> {
  const store = new SqliteEventStore(join(dataDir, 'events.db'));
  try {
    const [event] = await store.readAll({ after: position - 1, maxCount: 1 });
    const events = await store.readStream(event.stream);
    return { reviews: events.filter((e) => ['SubmissionApproved', 'SubmissionReturned'].includes(e.type)).length };
  } finally {
    await store.close();
  }
}
