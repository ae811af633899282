import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { ApiHarness } from '../support/api-harness';
import { FY, writeOpenWards } from './support/fixture-wards';
import { projectIdOf, sectionOfProject } from '../bench/support/synthetic-ward';

const WARD = 'conflict_w';
const PARALLEL = 50;
const ROUNDS = 3;

/**
 * Optimistic concurrency under real parallelism: 50 council reviews of one project sent at once with
 * the same If-Match — exactly one wins per revision, the other 49 get 409 with the current revision;
 * and 50 sections submitting their own projects at once never conflict.
 */
describe('parallel writers', () => {
  let api: ApiHarness;
  let pool: Pool;
  let shape: ReturnType<typeof writeOpenWards>['shape'];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdca-conflicts-'));
    shape = writeOpenWards(dir, [WARD], { sections: 50, projects: 400 }).shape;
    const users = [
      { username: `${WARD}.iin`, role: 'council_member' as const, wardId: WARD },
      { username: `${WARD}.kikaku`, role: 'planning_office' as const, wardId: WARD },
      ...Array.from({ length: shape.sections }, (_, s) => ({
        username: `${WARD}.sec${String(s + 1).padStart(3, '0')}`,
        role: 'section_staff' as const,
        wardId: WARD,
        sectionId: `sec${String(s + 1).padStart(3, '0')}`,
      })),
    ];
    api = await ApiHarness.start(users, { dir });
    await api.app.listen(0, '127.0.0.1');
    pool = new Pool(`http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`, {
      connections: PARALLEL,
    });
  }, 60_000);

  afterAll(async () => {
    await pool?.close();
    await api?.stop();
  });

  const call = (
    username: string,
    method: 'GET' | 'POST',
    path: string,
    body?: object,
    headers: Record<string, string> = {},
  ) => callWard(username, method, `/cycles/${FY}${path}`, body, headers);

  const callWard = async (
    username: string,
    method: 'GET' | 'POST',
    path: string,
    body?: object,
    headers: Record<string, string> = {},
  ) => {
    const response = await pool.request({
      method,
      path: `/wards/${WARD}${path}`,
      body: body && JSON.stringify(body),
      headers: { authorization: `Bearer ${await api.token(username)}`, 'content-type': 'application/json', ...headers },
    });
    return {
      status: response.statusCode,
      etag: response.headers.etag as string | undefined,
      body: (await response.body.json()) as Record<string, unknown>,
    };
  };

  it('lets exactly one of 50 reviews with the same If-Match win, per revision; the rest get 409 with the current revision', async () => {
    const projectId = projectIdOf(0);
    const staff = `${WARD}.${sectionOfProject(shape, 0)}`;
    expect(
      (
        await call(staff, 'POST', `/projects/${projectId}/submission`, {
          actual: { text: '実施' },
          rating: { scheme: 'nerima', grade: 'A' },
        })
      ).status,
    ).toBe(200);
    for (let round = 0; round < ROUNDS; round++) {
      const current = await call(`${WARD}.iin`, 'GET', `/projects/${projectId}`);
      const revision = Number(JSON.parse(current.etag!));
      const reviews = await Promise.all(
        Array.from({ length: PARALLEL }, (_, i) =>
          call(
            `${WARD}.iin`,
            'POST',
            `/projects/${projectId}/review`,
            {
              decision: 'adjust',
              rating: { scheme: 'nerima', grade: i % 2 ? 'A' : 'A+', note: `案${i}` },
              reason: `第${round}回の調整 ${i}`,
            },
            { 'if-match': current.etag! },
          ),
        ),
      );
      const statuses = reviews.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(PARALLEL - 1);
      const losers = reviews.filter((r) => r.status === 409);
      losers.forEach((r) =>
        expect(r.body).toMatchObject({ code: 'STALE_REVISION', details: { currentRevision: revision + 1 } }),
      );
      losers.forEach((r) => expect(r.etag).toBe(`"${revision + 1}"`));
      const after = await call(`${WARD}.iin`, 'GET', `/projects/${projectId}/history`);
      expect((after.body.history as unknown[]).length).toBe(revision + 2);
    }
  }, 60_000);

  it('lets 50 sections submit their own projects at the same moment without a single conflict', async () => {
    const firstOfSection = (s: number) =>
      Array.from({ length: shape.projects }, (_, i) => i).find(
        (i) => sectionOfProject(shape, i) === `sec${String(s + 1).padStart(3, '0')}` && i > 0,
      )!;
    const submissions = await Promise.all(
      Array.from({ length: PARALLEL }, (_, s) => {
        const index = firstOfSection(s);
        return call(`${WARD}.${sectionOfProject(shape, index)}`, 'POST', `/projects/${projectIdOf(index)}/submission`, {
          actual: { text: '実施' },
          rating: { scheme: 'nerima', grade: 'A' },
        });
      }),
    );
    expect(submissions.map((r) => r.status)).toEqual(Array(PARALLEL).fill(200));
    expect(submissions.every((r) => r.body.replayed === false && r.body.projected === true)).toBe(true);
  }, 60_000);

  it('accepts 120 catalogue registrations sent at once without If-Match: one stream, queued, none refused', async () => {
    const registrations = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        callWard(`${WARD}.kikaku`, 'POST', '/catalogue/sections', {
          sectionId: `burst${i}`,
          department: '部',
          name: `課${i}`,
        }),
      ),
    );
    expect(registrations.filter((r) => r.status !== 200).map((r) => r.body)).toEqual([]);
    const revisions = registrations.map((r) => Number(JSON.parse(r.etag!)));
    expect(new Set(revisions).size).toBe(120);
  }, 60_000);
});
