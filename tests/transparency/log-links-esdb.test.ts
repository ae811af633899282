import { EVENT_STORE, EventStore } from '@pdca/event-store';
import { LogLinkFile, logLinkFileOf } from '@pdca/transparency';
import { LogLinkerService } from '../../apps/api/src/transparency/log-linker.service';
import { TransparencyLogService } from '../../apps/api/src/transparency/transparency-log.service';
import { ApiHarness } from '../support/api-harness';
import { FakeEsdb, startFakeEsdb } from '../support/fake-esdb';
import { verifyOnEsdb } from './support/verify-on-esdb';

interface LogReport {
  keyed: boolean;
  linkedUpTo?: number;
  notYetLinked?: number;
  findings: Array<{ kind: string; position?: number; stream?: string }>;
}

/**
 * The keyed log chain on EventStoreDB (issue 13): the API links every event after commit into
 * DATA_DIR/log-links.jsonl, and `pdca verify` and the verification endpoint check each linked event
 * with the key. Each alteration is made in the emulator's storage, as someone with the server's files
 * could, after the event was linked and with no later checkpoint: only the links can name it.
 */
describe('log links kept outside EventStoreDB', () => {
  let server: FakeEsdb;
  let api: ApiHarness;
  beforeEach(async () => {
    server = await startFakeEsdb();
    api = await start();
  });
  afterEach(async () => {
    await api?.stop();
    await server?.stop();
  });

  const start = (dir?: string) =>
    ApiHarness.start([{ username: 'kikaku', role: 'planning_office' }], {
      dir,
      env: { EVENTSTORE_URL: server.connectionString },
    });
  const addSections = async (...ids: string[]) => {
    const kikaku = await api.as('kikaku');
    for (const id of ids)
      await kikaku
        .post('/wards/nerima/catalogue/sections', { sectionId: id, department: '部', name: `課${id}` })
        .expect(200);
  };
  /** Until the linker's links are on disk up to the log's head. */
  const linked = async () => {
    const head = await api.app.get<EventStore>(EVENT_STORE).headPosition();
    const linker = api.app.get(LogLinkerService);
    for (let i = 0; i < 200 && linker.linkedPosition < head; i++) await new Promise((r) => setTimeout(r, 25));
    expect(linker.linkedPosition).toBe(head);
  };
  const verify = async () => {
    const { code, report } = await verifyOnEsdb<{ log: LogReport }>(api.dir, server.connectionString);
    return { code, log: report.log };
  };
  const endpoint = async () =>
    (await (await api.as('kikaku')).get('/wards/nerima/audit/verification').expect(200)).body.log as LogReport;
  const positionOf = async (stream: string, revision: number) =>
    (await api.app.get<EventStore>(EVENT_STORE).readStream(stream))[revision].position;

  it('given a linked log, then it verifies keyed and intact; an event rewritten after linking is named altered by verify and the endpoint, and not signed over', async () => {
    await addSections('s1', 's2', 's3');
    await linked();
    const intact = await verify();
    expect(intact.code).toBe(0);
    expect(intact.log).toMatchObject({ keyed: true, notYetLinked: 0, findings: [] });
    expect(intact.log.linkedUpTo).toBe(await positionOf('catalogue-nerima', 2));

    server.rewriteEvent('catalogue-nerima', 1, (text) => text.replace('課s2', '課X'));
    const tampered = await verify();
    const at = await positionOf('catalogue-nerima', 1);
    expect(tampered.code).toBe(1);
    // No checkpoint holds the event: the link alone names it (no not-a-prefix).
    expect(tampered.log.findings.map((f) => [f.kind, f.position])).toEqual([['altered', at]]);
    const answered = await endpoint();
    expect(answered.keyed).toBe(true);
    expect(answered.findings.map((f) => [f.kind, f.position])).toEqual([['altered', at]]);
    // The API does not sign a checkpoint over it (its tree read the event only after the edit).
    await expect(api.app.get(TransparencyLogService).signAndKeep('interval')).rejects.toThrow(
      `the event at position ${at} no longer matches its link`,
    );
  }, 60_000);

  it('given a restart, then the linker continues its chain from its tail, linking each event once', async () => {
    await addSections('s1', 's2');
    await linked();
    await api.stop(false);
    api = await start(api.dir);
    await addSections('s3', 's4');
    await linked();
    const links = new LogLinkFile(logLinkFileOf(api.dir)).readAll();
    const events = await api.app.get<EventStore>(EVENT_STORE).readAll();
    expect(links.map((l) => l.position)).toEqual(events.map((e) => e.position));
    const after = await verify();
    expect(after.code).toBe(0);
    expect(after.log).toMatchObject({ keyed: true, notYetLinked: 0, findings: [] });
  }, 60_000);

  it('given the last linked event altered while the API was stopped, then the restarted linker refuses to link on, the API to sign a checkpoint, and verify names it and counts what is not yet linked', async () => {
    await addSections('s1', 's2');
    await linked();
    await api.stop(false);
    server.rewriteEvent('catalogue-nerima', 1, (text) => text.replace('課s2', '課X'));
    api = await start(api.dir);
    const linker = api.app.get(LogLinkerService);
    for (let i = 0; i < 200 && linker.state !== 'refused'; i++) await new Promise((r) => setTimeout(r, 25));
    expect(linker.state).toBe('refused');
    // Nor does the API sign a checkpoint over it (the one at start was refused too).
    const signer = api.app.get(TransparencyLogService);
    await expect(signer.signAndKeep('interval')).rejects.toThrow(/log linker refused/);
    expect(signer.checkpoints.readAll().map((c) => Number(c.note.split('\n')[1]))).not.toContain(2);
    await addSections('s3');
    const report = await verify();
    expect(report.code).toBe(1);
    expect(report.log.findings.map((f) => f.kind)).toEqual(['altered']);
    expect(report.log.notYetLinked).toBeGreaterThanOrEqual(1);
    expect(report.log.linkedUpTo).toBe(await positionOf('catalogue-nerima', 1));
  }, 60_000);

  it('given a linked event removed from the server, then verify names it removed', async () => {
    await addSections('s1', 's2', 's3');
    await linked();
    const at = await positionOf('catalogue-nerima', 1);
    server.removeEvent('catalogue-nerima', 1);
    const report = await verify();
    expect(report.code).toBe(1);
    expect(report.log.keyed).toBe(true);
    expect(report.log.findings.map((f) => f.kind)).toEqual(['removed']);
    expect(report.log.findings[0].position).toBeGreaterThan(at); // named at the event after the gap
  }, 60_000);
});
