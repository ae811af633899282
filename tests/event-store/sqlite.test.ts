import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@pdca/event-store';
import type { NewEvent, RecordedEvent } from '@pdca/event-store';
import { describeEventStoreBehaviour } from './event-store.behaviour';

describeEventStoreBehaviour(
  'SQLite (embedded default)',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdca-es-'));
    const store = new SqliteEventStore(join(dir, 'events.db'));
    return {
      store,
      cleanup: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  { rejectsIdsFromOtherStreams: true, tellsRepeats: true },
);

describe('SQLite durability settings', () => {
  it('runs WAL with synchronous=FULL, also on a reopened database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdca-es-'));
    const file = join(dir, 'events.db');
    await new SqliteEventStore(file).close();
    const reopened = new SqliteEventStore(file);
    expect(await reopened.durability()).toEqual({ journalMode: 'wal', synchronous: 2 });
    await reopened.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("a subscription's read of what this process just appended", () => {
  let dir: string;
  let here: SqliteEventStore;
  let otherProcess: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pdca-es-'));
    here = new SqliteEventStore(join(dir, 'events.db'));
    otherProcess = new SqliteEventStore(join(dir, 'events.db'));
  });
  afterEach(async () => {
    await Promise.all([here.close(), otherProcess.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const metadata = {
    actor: 'u',
    role: 'section_staff',
    correlationId: 'c',
    causationId: 'c',
    recordedAt: '2026-12-07T00:00:00Z',
  };
  const event = (type: string, data: unknown): NewEvent => ({ id: randomUUID(), type, data, metadata });
  const ids = (events: RecordedEvent[]) => events.map((e) => e.id);

  it('returns the events exactly as a read of the file does', async () => {
    await here.append(
      'item-1',
      [
        event('ActualSubmitted', { text: '計206所（定員17,341人）', nested: { n: 1.5, list: [null, true] } }),
        event('ProjectRated', { grade: 'A' }),
      ],
      { expectedRevision: 'no_stream' },
    );
    const following = await here.readAll({ after: 0, following: true });
    expect(following).toHaveLength(2);
    expect(following).toEqual(await here.readAll({ after: 0 }));
  });

  it('reads from the file what another process appended in between, in log order', async () => {
    const first = event('A', { n: 1 });
    const between = event('B', { n: 2 });
    const last = event('C', { n: 3 });
    await here.append('s-1', [first], { expectedRevision: 'any' });
    await otherProcess.append('s-2', [between], { expectedRevision: 'any' });
    await here.append('s-3', [last], { expectedRevision: 'any' });
    const all = await here.readAll({ after: 0, following: true });
    expect(ids(all)).toEqual([first.id, between.id, last.id]);
    expect(ids(await here.readAll({ after: all[0].position, following: true }))).toEqual([between.id, last.id]);
    expect(ids(await here.readAll({ after: all[1].position, following: true }))).toEqual([last.id]);
    expect(ids(await here.readAll({ after: 0, maxCount: 1, following: true }))).toEqual([first.id]);
  });

  it("wakes its subscriptions on a repeat of another process's append, which it has not read yet", async () => {
    const slowPolling = new SqliteEventStore(join(dir, 'events.db'), { idlePollMs: 60_000 });
    const delivered: string[] = [];
    const subscription = slowPolling.subscribeToAll();
    const reading = (async () => {
      for await (const recorded of subscription) delivered.push(recorded.id);
    })();
    await new Promise((resolve) => setTimeout(resolve, 100)); // caught up with the empty store, waiting
    const written = event('A', { n: 1 });
    await otherProcess.append('s-1', [written], { expectedRevision: 'no_stream' });
    expect((await slowPolling.append('s-1', [written], { expectedRevision: 'no_stream' })).alreadyStored).toBe(true);
    for (let waited = 0; delivered.length === 0 && waited < 5_000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(delivered).toEqual([written.id]);
    await subscription.close();
    await slowPolling.close();
    await reading;
  });

  it('answers it from memory, while every other read (verification among them) reads the file', async () => {
    const appended = event('ActualSubmitted', { text: 'as appended' });
    await here.append('s-1', [appended], { expectedRevision: 'no_stream' });
    const file = new Database(join(dir, 'events.db'));
    file
      .prepare('UPDATE events SET data = ? WHERE id = ?')
      .run(JSON.stringify({ text: 'changed in the file' }), appended.id);
    file.close();
    expect((await here.readAll({ after: 0, following: true }))[0].data).toEqual({ text: 'as appended' });
    expect((await here.readAll({ after: 0 }))[0].data).toEqual({ text: 'changed in the file' });
  });
});

describe('closing a subscription', () => {
  const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;

  it('ends its iteration at once and leaves no poll timer behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdca-es-'));
    const store = new SqliteEventStore(join(dir, 'events.db'), { idlePollMs: 60_000 });
    const before = timers();
    const subscription = store.subscribeToAll();
    const reading = (async () => {
      for await (const _ of subscription); // an empty store: it waits for the next poll
    })();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(timers()).toBe(before + 1); // the poll's own timer
    const started = performance.now();
    await subscription.close();
    await reading;
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(timers()).toBe(before);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('one group commit, several appends', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pdca-es-'));
    store = new SqliteEventStore(join(dir, 'events.db'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const event = (type: string): NewEvent => ({
    id: randomUUID(),
    type,
    data: {},
    metadata: {
      actor: 'u',
      role: 'section_staff',
      correlationId: 'c',
      causationId: 'c',
      recordedAt: '2026-12-07T00:00:00Z',
    },
  });

  it("judges each append's read streams by the appends before it in the same group", async () => {
    await store.append('context', [event('Opened')], { expectedRevision: 'no_stream' });
    // The first append goes to the writer alone; the ones made while it commits go together as the next group.
    const first = store.append('warm-up', [event('A')], { expectedRevision: 'no_stream' });
    const after = (stream: string, contextRevision: number) =>
      store.append(stream, [event(stream.toUpperCase())], {
        expectedRevision: 'no_stream',
        readStreams: [{ stream: 'context', revision: contextRevision }],
      });
    const outcomes = await Promise.allSettled([
      after('a', 0),
      store.append('context', [event('Moved')], { expectedRevision: 0 }),
      after('b', 0),
      after('c', 1),
      store.append('context', [event('Stale')], { expectedRevision: 0 }),
      after('d', 1),
    ]);
    await first;
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect((outcomes[2] as PromiseRejectedResult).reason).toMatchObject({ stream: 'context', expected: 0, actual: 1 });
    expect((await store.readStream('context')).map((e) => e.type)).toEqual(['Opened', 'Moved']);
  });

  it('reads the revisions afresh in the next group: another process may have appended between groups', async () => {
    const other = new SqliteEventStore(join(dir, 'events.db'));
    try {
      await store.append('context', [event('Opened')], { expectedRevision: 'no_stream' });
      await store.append('a', [event('A')], {
        expectedRevision: 'no_stream',
        readStreams: [{ stream: 'context', revision: 0 }],
      });
      await other.append('context', [event('Moved')], { expectedRevision: 0 });
      const stale = await store
        .append('b', [event('B')], { expectedRevision: 'no_stream', readStreams: [{ stream: 'context', revision: 0 }] })
        .catch((e) => e);
      expect(stale).toMatchObject({ stream: 'context', expected: 0, actual: 1 });
    } finally {
      await other.close();
    }
  });
});
