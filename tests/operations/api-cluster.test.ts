import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { request } from 'undici';
import { ApiProcess, freePort } from '../bench/support/api-process';
import { projectIdOf, sectionOfProject } from '../bench/support/synthetic-ward';
import { PASSWORD } from '../bench/support/users';
import { FY, writeOpenWards } from '../reliability/support/fixture-wards';

const WARD = 'cl_a';
const SHAPE = { projects: 40, sections: 4 };
const ITEMS = `/wards/${WARD}/cycles/${FY}`;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, any>;
  /** The API process that answered, from its request log line (pid and correlation id). */
  pid: number;
}

/**
 * API_PROCESSES=2: one port, two API processes forked by node:cluster on one SQLite store. The
 * primary hands new connections to the processes in turn, so every call here opens its own
 * connection, and which process answered is read from that process's request log line.
 */
describe('API_PROCESSES=2 (node:cluster) on one port and one store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdca-api-cluster-'));
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  const { usersFile } = writeOpenWards(dataDir, [WARD], SHAPE);
  let api: ApiProcess;
  let metricsPort: number;

  beforeAll(async () => {
    metricsPort = await freePort();
    const env = { API_PROCESSES: '2', LOG_LEVEL: 'debug', METRICS_PORT: String(metricsPort) };
    api = await ApiProcess.start({ dataDir, usersFile, env });
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const staffOf = (index: number) => `${WARD}.${sectionOfProject(SHAPE, index)}`;
  const call = async (token: string, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, headers = {}) => {
    const correlationId = randomUUID();
    const response = await request(`${api.base}${path}`, {
      method,
      reset: true, // a connection of its own, so the primary picks the process afresh
      headers: {
        authorization: `Bearer ${token}`,
        'x-correlation-id': correlationId,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const answer = (await response.body.json()) as Record<string, any>;
    return { status: response.statusCode, headers: response.headers, body: answer, pid: await pidOf(correlationId) };
  };
  const pidOf = async (correlationId: string): Promise<number> => {
    for (let tries = 0; tries < 50; tries++) {
      const line = api.logs.split('\n').find((l) => l.includes(correlationId) && l.includes('"context":"http"'));
      if (line) return (JSON.parse(line) as { pid: number }).pid;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no request log line for ${correlationId}`);
  };

  it('answers from both processes, and a command accepted by one is read at once through the other (minPosition)', async () => {
    const projectId = projectIdOf(0);
    const token = await api.login(staffOf(0), PASSWORD);
    const accepted = await call(token, 'PUT', `${ITEMS}/projects/${projectId}/draft`, {
      actual: { text: '一方で下書き' },
    });
    expect(accepted.status).toBe(200);
    const position = Number(accepted.headers['x-position']);
    expect(position).toBeGreaterThan(0);
    // No sleep: the next connection goes to the other process, which waits until its projection has the position.
    let read: Answer | undefined;
    for (let tries = 0; tries < 6 && (!read || read.pid === accepted.pid); tries++)
      read = await call(token, 'GET', `${ITEMS}/items?minPosition=${position}`);
    expect(read!.pid).not.toBe(accepted.pid);
    expect(read!.status).toBe(200);
    const item = (read!.body.items as Array<Record<string, any>>).find((i) => i.itemId === projectId);
    expect(item).toMatchObject({ status: 'draft', actual: { text: '一方で下書き' } });
  }, 60_000);

  it('lets exactly one of two conflicting reviews, answered by different processes, win', async () => {
    const projectId = projectIdOf(2);
    const staff = await api.login(staffOf(2), PASSWORD);
    const submitted = await call(staff, 'POST', `${ITEMS}/projects/${projectId}/submission`, {
      actual: { text: '実施' },
      rating: { scheme: 'nerima', grade: 'A' },
    });
    expect(submitted.status).toBe(200);
    const etag = String(submitted.headers.etag);
    const council = await api.login(`${WARD}.iin`, PASSWORD);
    const review = (body: unknown, key: string) =>
      call(council, 'POST', `${ITEMS}/projects/${projectId}/review`, body, {
        'if-match': etag,
        'idempotency-key': key,
      });
    const reviews = await Promise.all([
      review({ decision: 'approve' }, 'cluster-review-1'),
      review({ decision: 'return', comments: '根拠を追記してください' }, 'cluster-review-2'),
    ]);
    expect(new Set(reviews.map((r) => r.pid)).size).toBe(2);
    expect(reviews.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(reviews.find((r) => r.status === 409)!.body.code).toBe('STALE_REVISION');
    const history = await call(council, 'GET', `${ITEMS}/projects/${projectId}/history`);
    const decisions = JSON.stringify(history.body).match(/"Submission(Approved|Returned)"/g) ?? [];
    expect(decisions).toEqual([reviews[0].status === 200 ? '"SubmissionApproved"' : '"SubmissionReturned"']);
  }, 60_000);

  it("serves both processes' metrics as one target: commands summed over the processes", async () => {
    const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    const total = (outcome: string) =>
      [...text.matchAll(new RegExp(`^pdca_commands_total\\{[^}]*outcome="${outcome}"[^}]*\\} (\\d+)$`, 'gm'))]
        .map((m) => Number(m[1]))
        .reduce((a, b) => a + b, 0);
    // The draft, the submission and the winning review (on both processes between them), and the losing review.
    expect(total('accepted')).toBe(3);
    expect(total('conflict')).toBe(1);
  });

  it('stops both processes and the primary on SIGTERM', async () => {
    const workers = api.logs.match(/"msg":"listening"[^\n]*"process":\d/g) ?? [];
    expect(workers).toHaveLength(2);
    expect(await api.stop()).toBe(0);
    expect(api.logs.match(/"msg":"stopped"/g) ?? []).toHaveLength(2);
  }, 30_000);
});
