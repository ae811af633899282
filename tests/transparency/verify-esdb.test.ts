import { TransparencyLogService } from '../../apps/api/src/transparency/transparency-log.service';
import { ApiHarness } from '../support/api-harness';
import { FakeEsdb, startFakeEsdb } from '../support/fake-esdb';
import { verifyOnEsdb } from './support/verify-on-esdb';

/**
 * `pdca verify` on the EventStoreDB adapter (the in-process emulator): the Merkle tree over `$all`
 * against the signed checkpoints holds. The keyed links the API keeps outside the store (what
 * covers the events after the last checkpoint) are tested in log-links-esdb.test.ts.
 */
describe('pdca verify on EventStoreDB ($all order)', () => {
  let server: FakeEsdb;
  let api: ApiHarness;
  beforeAll(async () => {
    server = await startFakeEsdb();
    api = await ApiHarness.start([{ username: 'kikaku', role: 'planning_office' }], {
      env: { EVENTSTORE_URL: server.connectionString },
    });
  });
  afterAll(async () => {
    await api?.stop();
    await server?.stop();
  });

  const verify = () =>
    verifyOnEsdb<{
      log: { keyed: boolean; checkpointsChecked: number; findings: Array<{ kind: string }> };
      streams: { intact: boolean };
    }>(api.dir, server.connectionString);

  it('given signed checkpoints, then the log verifies intact (tree and per-stream chains); an event rewritten before a checkpoint is named not-a-prefix', async () => {
    const kikaku = await api.as('kikaku');
    for (const id of ['s1', 's2', 's3'])
      await kikaku
        .post('/wards/nerima/catalogue/sections', { sectionId: id, department: '部', name: `課${id}` })
        .expect(200);
    await api.app.get(TransparencyLogService).signAndKeep('interval');
    const intact = await verify();
    expect(intact.code).toBe(0);
    expect(intact.report.log).toMatchObject({ findings: [] });
    expect(intact.report.log.checkpointsChecked).toBeGreaterThanOrEqual(1);
    expect(intact.report.streams.intact).toBe(true);

    server.rewriteEvent('catalogue-nerima', 0, (text) => text.replace('課s1', '課X'));
    const tampered = await verify();
    expect(tampered.code).toBe(1);
    expect(tampered.report.log.findings.map((f) => f.kind)).toContain('not-a-prefix');
  }, 60_000);
});
