import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyStore } from '@pdca/audit';
import { connectEventStoreDb, EventStore, SqliteEventStore } from '@pdca/event-store';
import { FakeEsdb, startFakeEsdb } from '../support/fake-esdb';
import { allEvents, withoutPosition } from './support/all-events';
import { runCli } from './support/cli-process';
import { SourceStore } from './support/source-store';

const ROOT = join(__dirname, '../..');
const WARDS = ['mg_a', 'mg_b'];
/** 2 wards × 20 streams × 50 rounds = 2,000 commands, ~2,670 events. */
const ROUNDS = 50;

/**
 * `pdca migrate --to esdb://…` against the in-process EventStoreDB emulator (the real gRPC client
 * talks to it): a copy killed mid-way, a rerun that finishes it, a final pass after more writes,
 * the copy equal to the source event for event, and a verification that names what differs.
 */
describe('pdca migrate --to EventStoreDB (in-process emulator)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdca-migrate-'));
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  const source = SourceStore.create(dataDir);
  let server: FakeEsdb;
  let target: EventStore;
  let env: Record<string, string>;

  beforeAll(async () => {
    await source.write(WARDS, ROUNDS);
    server = await startFakeEsdb();
    target = connectEventStoreDb(server.connectionString);
    env = { DATA_DIR: dataDir, TRANSPARENCY_SIGNING_KEY_FILE: source.keyFile };
  }, 120_000);

  afterAll(async () => {
    await target?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given a copy killed mid-way, the target holds a prefix of the source order and nothing torn', async () => {
    const sourceEvents = await allEvents(new SqliteEventStore(source.file), true);
    const marker = sourceEvents[300];
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', 'apps/cli/src/main.ts', 'migrate', '--to', server.connectionString],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
        stdio: 'ignore',
      },
    );
    const exited = new Promise((resolve) => child.on('exit', resolve));
    while ((await target.streamRevision(marker.stream)) < marker.revision)
      await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill('SIGKILL');
    await exited;

    const copied = await allEvents(target);
    expect(copied.length).toBeGreaterThan(300);
    expect(copied.length).toBeLessThan(sourceEvents.length);
    expect(copied.map(withoutPosition)).toEqual(sourceEvents.slice(0, copied.length).map(withoutPosition));
  }, 120_000);

  it('when rerun, it appends only the rest, keeps ids, revisions and metadata, and verifies the copy', async () => {
    const rerun = await runCli(['migrate', '--to', server.connectionString], env);
    expect(rerun.stderr).toBe('');
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toMatch(/^verified/);
    expect(rerun.stdout).toMatch(/[1-9]\d* events appended, [1-9]\d* already on the target/);
    expect(rerun.stdout).not.toMatch(/made with a key not at hand/);

    const sourceEvents = await allEvents(new SqliteEventStore(source.file), true);
    const copied = await allEvents(target);
    expect(copied.map(withoutPosition)).toEqual(sourceEvents.map(withoutPosition));
    expect(new Set(copied.map((e) => e.position)).size).toBe(copied.length);
    expect(await verifyStore(target)).toMatchObject({ intact: true, events: sourceEvents.length });
    expect(rerun.stdout).toContain(`${sourceEvents.length} links recomputed`);
  }, 120_000);

  it('given more commands on the source, the final pass copies just those, and a further run appends nothing', async () => {
    await source.write(WARDS, 3);
    const final = await runCli(['migrate', '--to', server.connectionString, '--json'], env);
    expect(final.code).toBe(0);
    const report = JSON.parse(final.stdout);
    expect(report.copied.appended).toBe(report.copied.selected - report.copied.alreadyThere);
    expect(report.copied.appended).toBeGreaterThanOrEqual(2 * 20 * 3);
    expect(report.verification).toMatchObject({ intact: true, problems: [] });
    expect(report.verification.merkleRoot.target).toBe(report.verification.merkleRoot.source);

    const again = await runCli(['migrate', '--to', server.connectionString], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/: 0 events appended/);
  }, 300_000); // two CLI runs over the whole log: minutes when the shared machine is loaded

  it('given a write to the target that the source does not have, the verification names it and fails', async () => {
    const [head] = await target.readStream('item-mg_a-0', { direction: 'backwards', maxCount: 1 });
    await target.append(
      'item-mg_a-0',
      [{ ...head, id: '0b5c3f0e-6a51-4c1e-9a77-3d2f7c1b9e01', data: { forged: true } }],
      { expectedRevision: head.revision },
    );
    const result = await runCli(['migrate', '--to', server.connectionString], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^NOT verified/);
    expect(result.stdout).toContain('item-mg_a-0 revision');
    expect(result.stdout).toMatch(/stream item-mg_a-0: source head revision \d+ [0-9a-f]{64}, target revision \d+/);
  }, 120_000);

  it('copies one ward only into another server, and refuses a target whose streams hold other events', async () => {
    const other = await startFakeEsdb();
    const otherStore = connectEventStoreDb(other.connectionString);
    try {
      const ward = await runCli(['migrate', '--to', other.connectionString, '--ward', 'mg_b'], env);
      expect(ward.code).toBe(0);
      const copied = await allEvents(otherStore);
      const expected = (await allEvents(new SqliteEventStore(source.file), true)).filter((e) =>
        e.stream.startsWith('item-mg_b-'),
      );
      expect(copied.map(withoutPosition)).toEqual(expected.map(withoutPosition));

      const intoForeign = await runCli(['migrate', '--to', server.connectionString, '--ward', 'mg_b'], env);
      expect(intoForeign.code).toBe(0); // the first server holds the same mg_b events: nothing to do
      await otherStore.append(
        'item-mg_a-0',
        [
          {
            id: 'a7d3c2b1-0f9e-4d8c-8b7a-6e5f4d3c2b1a',
            type: 'Foreign',
            data: {},
            metadata: {
              actor: 'x',
              role: 'x',
              correlationId: 'x',
              causationId: 'x',
              recordedAt: '2026-04-01T00:00:00Z',
            },
          },
        ],
        { expectedRevision: 'no_stream' },
      );
      const refused = await runCli(['migrate', '--to', other.connectionString, '--ward', 'mg_a'], env);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(
        /target stream item-mg_a-0 holds event a7d3c2b1-.* where the source has .*: the target is not a copy of this store/,
      );
      expect((await otherStore.readStream('item-mg_a-0')).length).toBe(1);
    } finally {
      await otherStore.close();
      await other.stop();
    }
  }, 120_000);
});
