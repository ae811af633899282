import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linkHash, logEntry, LogKey, logKeyFromSigningKey, logLeaf, NewEvent } from '@pdca/event-store';
import {
  LOG_THREADING,
  LogVerificationOptions,
  verifyLogFile,
  verifyLogFileOnTwoThreads,
  KEY_ROTATED,
  KEY_STREAM,
} from '@pdca/transparency';
import { createGroupAppender } from '../../libs/event-store/src/sqlite/append-transaction';
import { configureDurableDatabase, createEventTables } from '../../libs/event-store/src/sqlite/sqlite-schema';
import { appendForged, movePosition, Row, rows, swapPositions } from './support/insider-world';

/**
 * Issue 13's million events in ≤ 10 s: `verifyLog` cuts an SQLite log into chunks checked on two
 * threads and stitched back. Its answer must be the sequential pass's, byte for byte, for every
 * store and every alteration wherever it falls against the chunks' edges: each store below is
 * verified with chunks of 1 and 3 positions (with 1, every row is at an edge) and compared.
 */
describe('the log verified in chunks on two threads answers exactly as the sequential pass', () => {
  const dirs: string[] = [];
  const keyA = logKeyFromSigningKey(generateKeyPairSync('ed25519').privateKey);
  const keyB = logKeyFromSigningKey(generateKeyPairSync('ed25519').privateKey);
  const options = (logKey: LogKey = keyB): LogVerificationOptions => ({ keys: [], logKey, checkpoints: [] });
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** A log as the service writes it: 20 events linked with key A, a rotation, 20 with key B (the current key). */
  const build = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'pdca-log-threads-'));
    dirs.push(dir);
    const file = join(dir, 'events.db');
    const db = new Database(file);
    configureDurableDatabase(db);
    createEventTables(db);
    appendEvents(db, keyA, 0, 20);
    createGroupAppender(
      db,
      keyB,
    )([{ stream: KEY_STREAM, events: [{ ...eventOf(999), type: KEY_ROTATED, data: {} }], expectedRevision: 'any' }]);
    appendEvents(db, keyB, 20, 20);
    db.close();
    return file;
  };
  const copy = (file: string, edit: (db: Database.Database) => void): string => {
    const dir = mkdtempSync(join(tmpdir(), 'pdca-log-threads-'));
    dirs.push(dir);
    copyFileSync(file, join(dir, 'events.db'));
    const db = new Database(join(dir, 'events.db'));
    edit(db);
    db.close();
    return join(dir, 'events.db');
  };
  const inChunks = (file: string, chunkPositions: number, logKey?: LogKey) =>
    verifyLogFileOnTwoThreads(file, options(logKey), {
      ...LOG_THREADING,
      fromPositions: 0,
      chunkPositions,
      helper: false,
    });
  const expectSameAsSequential = async (file: string, logKey?: LogKey) => {
    const sequential = verifyLogFile(file, options(logKey));
    for (const size of [1, 3]) expect(await inChunks(file, size, logKey)).toEqual(sequential);
    return sequential;
  };

  const CURRENT_KEY_FROM = 20; // the rotation event's index: the first event linked with key B
  let intact: string;
  beforeAll(() => {
    intact = build();
  });

  it('given an intact log with events of a rotated-out key, then the same tree, legacy count and no finding', async () => {
    const verdict = await expectSameAsSequential(intact);
    expect(verdict).toMatchObject({ intact: true, events: 41, legacy: 0 });
  });

  it('given events stored before the log chain (no link), then the same legacy count', async () => {
    const legacy = copy(intact, (db) =>
      db.prepare('UPDATE events SET log_prev = NULL, log_hash = NULL WHERE position <= 7').run(),
    );
    expect(await expectSameAsSequential(legacy)).toMatchObject({ intact: true, legacy: 7 });
  });

  it('given a log linked without a key, verified without one, then the same answer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdca-log-threads-'));
    dirs.push(dir);
    const db = new Database(join(dir, 'events.db'));
    createEventTables(db);
    appendEvents(db, undefined, 0, 30);
    db.close();
    const verdict = verifyLogFile(join(dir, 'events.db'), { keys: [], checkpoints: [] });
    for (const size of [1, 3, 7])
      expect(
        await verifyLogFileOnTwoThreads(
          join(dir, 'events.db'),
          { keys: [], checkpoints: [] },
          { ...LOG_THREADING, fromPositions: 0, chunkPositions: size, helper: false },
        ),
      ).toEqual(verdict);
    expect(verdict.intact).toBe(true);
  });

  // Each alteration at every position from 2 to the end, so that it falls on every chunk edge. Events
  // linked with the rotated-out key are covered by checkpoints only (README): there, only the same answer.
  const everywhere = (edit: (db: Database.Database, row: Row, all: Row[]) => void) => async () => {
    const db = new Database(intact, { readonly: true });
    const count = rows(db).length;
    db.close();
    for (let index = 1; index < count; index++) {
      const file = copy(intact, (db) => {
        const all = rows(db);
        edit(db, all[index], all);
      });
      const verdict = await expectSameAsSequential(file);
      if (index >= CURRENT_KEY_FROM) expect(verdict.intact).toBe(false);
    }
  };

  it(
    'one event removed',
    everywhere((db, row) => db.prepare('DELETE FROM events WHERE position = ?').run(row.position)),
    120_000,
  );
  it(
    'one byte of data changed',
    everywhere((db, row) =>
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(row.data.replace('{', '{ '), row.position),
    ),
    120_000,
  );
  it(
    'two neighbours swapped',
    everywhere((db, row, all) => {
      const before = all[all.indexOf(row) - 1];
      swapPositions(db, before.position, row.position);
    }),
    120_000,
  );
  it(
    'an event moved to the end',
    everywhere((db, row, all) => movePosition(db, row.position, all.at(-1)!.position + 1)),
    120_000,
  );
  it(
    'a link removed (the event looks stored before the chain)',
    everywhere((db, row) =>
      db.prepare('UPDATE events SET log_prev = NULL, log_hash = NULL WHERE position = ?').run(row.position),
    ),
    120_000,
  );
  it(
    'an event relinked without the key',
    everywhere((db, row) => {
      const relinked = linkHash(undefined, row.log_prev ?? '', logLeaf(logEntry(row)));
      db.prepare('UPDATE events SET log_hash = ? WHERE position = ?').run(relinked, row.position);
      db.prepare('UPDATE events SET log_prev = ? WHERE log_prev = ?').run(relinked, row.log_hash);
    }),
    120_000,
  );
  it(
    'an event inserted with a gap made for it',
    everywhere((db, row) => {
      db.prepare('UPDATE events SET position = position + 1000 WHERE position >= ?').run(row.position);
      db.prepare('UPDATE events SET position = position - 999 WHERE position >= ?').run(row.position + 1000);
      db.prepare(
        'INSERT INTO events (position, id, stream, revision, type, data, metadata, log_prev, log_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(row.position, 'inserted', 'inserted', 0, 'X', '{}', '{}', row.log_prev, row.log_hash);
    }),
    120_000,
  );

  it('given a forged event appended, or the tail truncated, then the same findings', async () => {
    const forged = copy(intact, (db) =>
      appendForged(db, { id: 'forged', stream: 'evaluation-x', type: 'ItemRated', data: {}, actor: 'x' }),
    );
    expect((await expectSameAsSequential(forged)).findings.map((f) => f.kind)).toEqual(['forged']);
    const truncated = copy(intact, (db) => db.prepare('DELETE FROM events WHERE position > 35').run());
    expect((await expectSameAsSequential(truncated)).findings.map((f) => f.kind)).toEqual(['truncated']);
  });

  it('given the key of the earlier events only, then the later ones are forged, as sequentially', async () => {
    expect((await expectSameAsSequential(intact, keyA)).findings[0]).toMatchObject({ kind: 'forged', position: 21 });
  });

  it("with the helper thread's chunks: the intact log and an altered one answer as sequentially", async () => {
    for (const here of [false, true]) {
      const threads = { ...LOG_THREADING, fromPositions: 0, chunkPositions: 4, here };
      expect(await verifyLogFileOnTwoThreads(intact, options(), threads)).toEqual(verifyLogFile(intact, options()));
      const altered = copy(intact, (db) => db.prepare("UPDATE events SET data = '{}' WHERE position = 30").run());
      const verdict = await verifyLogFileOnTwoThreads(altered, options(), threads);
      expect(verdict).toEqual(verifyLogFile(altered, options()));
      expect(verdict.findings).toEqual([expect.objectContaining({ kind: 'altered', position: 30 })]);
    }
  }, 60_000);
});

const eventOf = (i: number): NewEvent => ({
  id: `e-${i}`,
  type: 'ItemRated',
  data: { itemId: `P${i % 7}`, note: `評価 ${i}` },
  metadata: {
    actor: 'hoiku-1',
    role: 'section_staff',
    correlationId: `c-${i}`,
    causationId: `c-${i}`,
    recordedAt: '2023-05-10T01:00:00.000Z',
  },
});

/** Three events per append, over a few streams, as the group appender links them. */
function appendEvents(db: Database.Database, key: LogKey | undefined, from: number, count: number): void {
  const append = createGroupAppender(db, key);
  for (let i = from; i < from + count; i += 3) {
    const events = Array.from({ length: Math.min(3, from + count - i) }, (_, j) => eventOf(i + j));
    append([{ stream: `evaluation-nerima-2022-project-P${i % 5}`, events, expectedRevision: 'any' }]);
  }
}
