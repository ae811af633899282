import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { whenWriteLockFree } from './write-lock';

/** Another connection (another thread, as another process would be) that holds the write lock for `holdMs`, then commits a row. */
function holdWriteLock(file: string, holdMs: number): { held: Promise<void>; done: Promise<void> } {
  const lock = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(
    `const { workerData: w } = require('node:worker_threads');
     const db = new (require(w.driver))(w.file);
     db.pragma('busy_timeout = 0');
     db.exec('BEGIN IMMEDIATE');
     Atomics.store(w.lock, 0, 1); Atomics.notify(w.lock, 0);
     Atomics.wait(w.lock, 0, 1, w.holdMs);
     db.prepare("INSERT INTO notes (text) VALUES ('from the holder')").run();
     db.exec('COMMIT');
     db.close();`,
    { eval: true, workerData: { driver: require.resolve('better-sqlite3'), file, lock, holdMs } },
  );
  const done = new Promise<void>((resolve, reject) => worker.once('exit', () => resolve()).once('error', reject));
  const held = (async () => {
    while (Atomics.load(lock, 0) === 0) await new Promise((resolve) => setTimeout(resolve, 1));
  })();
  return { held, done };
}

describe('whenWriteLockFree: waiting for another process’s write transaction', () => {
  let dir: string;
  let db: Database.Database;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'write-lock-'));
    db = new Database(join(dir, 'store.db'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)');
    db.pragma('busy_timeout = 0');
  });

  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given the lock held elsewhere, when it is released, then the transaction runs after the holder’s commit', async () => {
    const holder = holdWriteLock(db.name, 150);
    await holder.held;
    let attempts = 0;
    const insertAfterFirst = db.transaction(() => {
      attempts += 1;
      const first = db.prepare('SELECT text FROM notes ORDER BY id LIMIT 1').pluck().get();
      db.prepare("INSERT INTO notes (text) VALUES ('from the waiter')").run();
      return first;
    });
    const seenFirst = whenWriteLockFree(() => insertAfterFirst.immediate());
    await holder.done;
    expect(attempts).toBe(1); // a busy BEGIN IMMEDIATE never entered the function
    expect(seenFirst).toBe('from the holder');
    expect(db.prepare('SELECT text FROM notes ORDER BY id').pluck().all()).toEqual([
      'from the holder',
      'from the waiter',
    ]);
  });

  it('given the lock held past the deadline, then it gives up with SQLite’s busy error and has written nothing', async () => {
    const holder = holdWriteLock(db.name, 1_500);
    await holder.held;
    const started = performance.now();
    const insertLate = db.transaction(() => db.prepare("INSERT INTO notes (text) VALUES ('late')").run());
    expect(() => whenWriteLockFree(() => insertLate.immediate(), 100)).toThrow(
      expect.objectContaining({ code: 'SQLITE_BUSY' }),
    );
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
    await holder.done;
    expect(db.prepare('SELECT text FROM notes').pluck().all()).toEqual(['from the holder']);
  });

  it('given any other failure, then it is thrown at once, not tried again', () => {
    db.prepare("INSERT INTO notes (text) VALUES ('once')").run();
    let attempts = 0;
    const insertTwice = db.transaction(() => {
      attempts += 1;
      db.prepare("INSERT INTO notes (text) VALUES ('once')").run();
    });
    expect(() => whenWriteLockFree(() => insertTwice.immediate())).toThrow(
      expect.objectContaining({ code: 'SQLITE_CONSTRAINT_UNIQUE' }),
    );
    expect(attempts).toBe(1);
  });
});
