import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChainedEventStore } from '@pdca/audit';
import {
  connectEventStoreDb,
  EventStore,
  holdStoreLease,
  RecordedEvent,
  SqliteEventStore,
  SqliteLogReader,
} from '@pdca/event-store';
import { FakeEsdb, startFakeEsdb } from '../support/fake-esdb';
import { allEvents, withoutPosition } from './support/all-events';
import { runCli } from './support/cli-process';
import { SourceStore } from './support/source-store';

const ROOT = join(__dirname, '../..');
const WARDS = ['mb_a', 'mb_b'];

/**
 * The way back (README, "Moving to EventStoreDB"): `pdca migrate --from esdb://… --to sqlite:PATH`
 * against the in-process EventStoreDB emulator. A ward moved to EventStoreDB takes commands there,
 * then goes back: the SQLite store it left gets exactly what EventStoreDB took since, in order, and
 * `pdca verify` finds it intact with the service's key; into an empty folder a copy killed mid-way
 * is finished by a rerun; a store a service holds is refused; a stray SQLite event is named.
 */
describe('pdca migrate --from EventStoreDB --to sqlite: (the way back, in-process emulator)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdca-migrate-back-'));
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  const source = SourceStore.create(dataDir);
  let server: FakeEsdb;
  let esdb: EventStore;
  let env: Record<string, string>;
  let switchedOver: RecordedEvent[];

  beforeAll(async () => {
    await source.write(WARDS, 15);
    server = await startFakeEsdb();
    esdb = connectEventStoreDb(server.connectionString);
    env = { DATA_DIR: dataDir, TRANSPARENCY_SIGNING_KEY_FILE: source.keyFile };
    const forward = await runCli(['migrate', '--to', server.connectionString], env);
    if (forward.code !== 0) throw new Error(`forward migration failed: ${forward.stdout}${forward.stderr}`);
    switchedOver = await allEvents(new SqliteEventStore(source.file), true);
  }, 180_000);

  afterAll(async () => {
    await esdb?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given commands taken on EventStoreDB after the switch-over, going back appends just those to the old SQLite store, in order, and it verifies', async () => {
    const taken = await takeCommandsOn(esdb, ['item-mb_a-0', 'item-mb_b-3', 'item-new-mb_a'], 4);

    const back = await runCli(
      ['migrate', '--from', server.connectionString, '--to', `sqlite:${dataDir}`, '--json'],
      env,
    );
    expect(back.stderr).toBe('');
    expect(back.code).toBe(0);
    const report = JSON.parse(back.stdout);
    expect(report).toMatchObject({ direction: 'back', copied: { appended: taken, alreadyThere: switchedOver.length } });
    expect(report.verification).toMatchObject({
      intact: true,
      problems: [],
      events: { source: switchedOver.length + taken, target: switchedOver.length + taken },
    });
    expect(report.verification.logChain.linksRecomputed).toBe(switchedOver.length + taken);

    const sqlite = await allEvents(new SqliteEventStore(source.file), true);
    expect(sqlite.map(withoutPosition)).toEqual((await allEvents(esdb)).map(withoutPosition));
    // The SQLite-era events keep their positions (so do the checkpoints signed on them); the new ones continue after.
    expect(sqlite.slice(0, switchedOver.length)).toEqual(switchedOver);
    expect(sqlite.map((e) => e.position)).toEqual(sqlite.map((_, i) => switchedOver[0].position + i));

    const verify = await runCli(['verify'], env);
    expect(verify.stdout).toMatch(/^intact/);
    expect(verify.stdout).toContain('every link checked with the key');
    expect(verify.code).toBe(0);

    const again = await runCli(['migrate', '--from', server.connectionString, '--to', `sqlite:${dataDir}`], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^verified/);
    expect(again.stdout).toMatch(/: 0 events appended/);
  }, 180_000);

  it('given an empty folder and a copy killed mid-way, the rerun finishes it and the store equals EventStoreDB', async () => {
    const fresh = join(dir, 'fresh');
    mkdirSync(fresh);
    const esdbEvents = await allEvents(esdb);
    const marker = esdbEvents[200];
    const child = spawn(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        'apps/cli/src/main.ts',
        'migrate',
        '--from',
        server.connectionString,
        '--to',
        `sqlite:${fresh}`,
      ],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
        stdio: 'ignore',
      },
    );
    const exited = new Promise((resolve) => child.on('exit', resolve));
    while ((await countRows(join(fresh, 'events.db'))) <= 200 && child.exitCode === null)
      await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill('SIGKILL');
    await exited;
    const partial = await allEvents(new SqliteEventStore(join(fresh, 'events.db')), true);
    expect(partial.length).toBeGreaterThan(200);
    expect(partial.map(withoutPosition)).toEqual(esdbEvents.slice(0, partial.length).map(withoutPosition));
    expect(partial.find((e) => e.id === marker.id)).toBeDefined();

    const rerun = await runCli(
      ['migrate', '--from', server.connectionString, '--to', `sqlite:${join(fresh, 'events.db')}`],
      env,
    );
    expect(rerun.stderr).toBe('');
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toMatch(/^verified/);
    expect(rerun.stdout).toContain(
      `${esdbEvents.length - partial.length} events appended, ${partial.length} already on the target`,
    );
    expect((await allEvents(new SqliteEventStore(join(fresh, 'events.db')), true)).map(withoutPosition)).toEqual(
      esdbEvents.map(withoutPosition),
    );
  }, 180_000);

  it('refuses a store a service has open, and writes nothing to it', async () => {
    const before = await countRows(source.file);
    await takeCommandsOn(esdb, ['item-mb_a-1'], 1);
    const release = holdStoreLease(source.file, 'api');
    try {
      const refused = await runCli(
        ['migrate', '--from', server.connectionString, '--to', `sqlite:${source.file}`],
        env,
      );
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/refused: the store .*events\.db is in use \(api pid \d+/);
    } finally {
      release();
    }
    expect(await countRows(source.file)).toBe(before);
  }, 120_000);

  it('given an event written to the SQLite store that EventStoreDB does not have, the check names it and fails', async () => {
    const ward = join(dir, 'ward-only');
    mkdirSync(ward);
    const first = await runCli(
      ['migrate', '--from', server.connectionString, '--to', `sqlite:${ward}`, '--ward', 'mb_b'],
      env,
    );
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^verified/);
    const stray = new ChainedEventStore(new SqliteEventStore(join(ward, 'events.db')));
    const revision = await stray.streamRevision('item-mb_b-0');
    await stray.append(
      'item-mb_b-0',
      [
        {
          id: randomUUID(),
          type: 'ItemRated',
          data: { stray: true },
          metadata: { actor: 'x', role: 'x', correlationId: 'x', causationId: 'x', recordedAt: '2026-05-01T00:00:00Z' },
        },
      ],
      { expectedRevision: revision },
    );
    await stray.close();

    const again = await runCli(
      ['migrate', '--from', server.connectionString, '--to', `sqlite:${ward}`, '--ward', 'mb_b'],
      env,
    );
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/^NOT verified/);
    expect(again.stdout).toMatch(
      /stream item-mb_b-0: target \(SQLite\) head revision \d+ [0-9a-f]{64}, source \(EventStoreDB\) revision \d+/,
    );
  }, 120_000);
});

/** Commands the service takes on EventStoreDB after the switch-over: `rounds` on each stream, hash-chained. */
async function takeCommandsOn(store: EventStore, streams: string[], rounds: number): Promise<number> {
  const chained = new ChainedEventStore(store);
  for (let round = 0; round < rounds; round++) {
    for (const stream of streams) {
      const revision = await store.streamRevision(stream);
      const metadata = {
        actor: 'esdb.sec1',
        role: 'section_staff',
        correlationId: randomUUID(),
        causationId: randomUUID(),
        recordedAt: new Date().toISOString(),
      };
      await chained.append(
        stream,
        [{ id: randomUUID(), type: 'ItemRated', data: { round, on: 'EventStoreDB', text: '実施 ②' }, metadata }],
        { expectedRevision: revision < 0 ? 'no_stream' : revision },
      );
    }
  }
  return streams.length * rounds;
}

async function countRows(file: string): Promise<number> {
  try {
    const reader = new SqliteLogReader(file);
    try {
      let rows = 0;
      for (const page of reader.pages()) rows += page.length;
      return rows;
    } finally {
      reader.close();
    }
  } catch {
    return 0; // not created yet
  }
}
