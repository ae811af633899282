import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { ChainedEventStore } from '@pdca/audit';
import { SqliteEventStore } from '@pdca/event-store';
import { openPersonalDataStore } from '@pdca/platform';
import { ProjectionRunner } from '@pdca/projections';
import { ProjectionsService } from '../../apps/api/src/projections/projections.service';
import { ApiHarness } from '../support/api-harness';
import { projectIdOf, sectionOfProject } from '../bench/support/synthetic-ward';
import { FY, writeOpenWards } from './support/fixture-wards';

const WARDS = ['rebuild_a', 'rebuild_b', 'rebuild_c', 'rebuild_d'];
const IN_FLIGHT = 8;
const BURST_MS = 8_000;

/**
 * A projection started from zero while commands keep arriving (catch-up through the history, then
 * live on the same subscription) ends exactly equal to the API's live read models.
 */
describe('a rebuild from zero while commands arrive', () => {
  let api: ApiHarness;
  let pool: Pool;

  afterAll(async () => {
    await pool?.close();
    await api?.stop();
  });

  it('ends equal to the live read models', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdca-rebuild-'));
    const { shape, users } = writeOpenWards(dir, WARDS, { fiscalYears: [FY - 1, FY], stage: 'submitted' });
    api = await ApiHarness.start(
      users.filter((u) => u.role !== 'section_staff' || u.sectionId! <= 'sec010'),
      { dir },
    );
    await api.app.listen(0, '127.0.0.1');
    pool = new Pool(`http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`, {
      connections: IN_FLIGHT,
    });
    const tokens = new Map(
      await Promise.all(
        [
          ...new Set(
            WARDS.flatMap((w) => [
              `${w}.iin`,
              ...Array.from({ length: 10 }, (_, s) => `${w}.sec${String(s + 1).padStart(3, '0')}`),
            ]),
          ),
        ].map(async (u) => [u, await api.token(u)] as const),
      ),
    );

    const statuses: number[] = [];
    let cursor = 0;
    const until = Date.now() + BURST_MS;
    const client = async () => {
      while (Date.now() < until) {
        const i = cursor++;
        const wardId = WARDS[i % WARDS.length];
        const index = Math.floor(i / WARDS.length) % 100; // the first 100 projects belong to sec001–sec010
        const item = `/wards/${wardId}/cycles/${FY}/projects/${projectIdOf(index)}`;
        const [username, path, body] =
          i % 3 === 0
            ? [`${wardId}.iin`, `${item}/review`, { decision: 'return', comments: `第${i}回 根拠を追記してください` }]
            : [
                `${wardId}.${sectionOfProject(shape, index)}`,
                i % 3 === 1 ? `${item}/rating` : `${item}/submission`,
                i % 3 === 1 ? { rating: { scheme: 'nerima', grade: 'A' } } : { actual: { text: `再提出 ${i}` } },
              ];
        const response = await pool.request({
          method: path.endsWith('rating') ? 'PUT' : 'POST',
          path,
          body: JSON.stringify(body),
          headers: { authorization: `Bearer ${tokens.get(username)}`, 'content-type': 'application/json' },
        });
        await response.body.dump();
        statuses.push(response.statusCode);
      }
    };
    const burst = Promise.all(Array.from({ length: IN_FLIGHT }, client));

    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const store = openPersonalDataStore(
      new ChainedEventStore(new SqliteEventStore(join(dir, 'events.db'), { idlePollMs: 50 })),
      dir,
    );
    const fromZero = new ProjectionRunner(store);
    const startedAt = await store.headPosition();
    fromZero.start();
    await burst;

    const live = api.app.get(ProjectionsService);
    const head = await store.headPosition();
    expect(await live.waitFor(head, 10_000)).toBe(true);
    expect(await fromZero.waitFor(head, 30_000)).toBe(true);
    await fromZero.stop();
    await store.close();

    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(100);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(head).toBeGreaterThan(startedAt);
    expect(fromZero.position).toBe(live.position);
    expect(fromZero.readModels.wards).toEqual(live.models.wards);
  }, 120_000);
});
