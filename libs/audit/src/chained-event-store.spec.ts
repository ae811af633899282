import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@pdca/event-store';
import type { NewEvent } from '@pdca/event-store';
import { ChainedEventStore } from './chained-event-store';
import { verifyStore } from './verify-store';

const counted = (id: string, recordedAt: string): NewEvent => ({
  id,
  type: 'Counted',
  data: { by: 1 },
  metadata: { actor: 'u', role: 'section_staff', correlationId: id, causationId: id, recordedAt },
});

describe('ChainedEventStore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdca-chained-'));
  const store = new ChainedEventStore(new SqliteEventStore(join(dir, 'events.db')));
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given an append repeated with the same ids but a later clock (nothing written), when the stream goes on, then its chain links to the events stored', async () => {
    await store.append('counter-1', [counted('a0', '2026-04-01T00:00:00.000Z')], { expectedRevision: 'no_stream' });
    // A retry decided again: same event ids, other metadata, so other hashes than the stored ones.
    const repeat = await store.append('counter-1', [counted('a0', '2026-04-01T00:00:05.000Z')], {
      expectedRevision: 'no_stream',
    });
    await store.append('counter-1', [counted('a1', '2026-04-01T00:00:10.000Z')], { expectedRevision: 0 });

    expect(repeat.alreadyStored).toBe(true);
    const report = await verifyStore(store);
    expect(report).toMatchObject({ intact: true, events: 2, breaks: [] });
  });
});

describe('the chain linked inside the SQLite append', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdca-chained-'));
  const file = join(dir, 'events.db');
  const here = new ChainedEventStore(new SqliteEventStore(file));
  const otherProcess = new ChainedEventStore(new SqliteEventStore(file));
  afterAll(async () => {
    await Promise.all([here.close(), otherProcess.close()]);
    rmSync(dir, { recursive: true, force: true });
  });
  const at = (second: number) => `2026-04-01T00:00:${String(second).padStart(2, '0')}.000Z`;

  it('given appends to one stream in one group commit, from two processes and with any revision, then the chain holds', async () => {
    await here.append('counter-2', [counted('b0', at(0))], { expectedRevision: 'no_stream' });
    // The other process's cache of this stream's head goes stale: the next append links to what is stored.
    await otherProcess.readStream('counter-2');
    await here.append('counter-2', [counted('b1', at(1))], { expectedRevision: 0 });
    await otherProcess.append('counter-2', [counted('b2', at(2))], { expectedRevision: 'any' });
    // While one append is being committed, the next ones go to the writer together, as one group.
    await Promise.all([
      here.append('counter-2', [counted('b3', at(3))], { expectedRevision: 2 }),
      here.append('counter-2', [counted('b4', at(4)), counted('b5', at(5))], { expectedRevision: 3 }),
      here.append('counter-2', [counted('b6', at(6))], { expectedRevision: 'any' }),
    ]);

    const stored = await here.readStream('counter-2');
    expect(stored.map((e) => e.id)).toEqual(['b0', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6']);
    expect(stored.map((e) => e.metadata.prevHash)).toEqual([null, ...stored.slice(0, -1).map((e) => e.metadata.hash)]);
    expect(await verifyStore(here)).toMatchObject({ intact: true, breaks: [] });
  });

  it('links only when asked: a plain append (a migration copying stored events) is kept as given', async () => {
    const bare = new SqliteEventStore(file);
    try {
      await bare.append('copied', [counted('c0', at(7))], { expectedRevision: 'no_stream' });
      await bare.append('linked', [counted('l0', at(8))], { expectedRevision: 'no_stream', chainStream: true });
      const [copied] = await bare.readStream('copied');
      const [linked] = await bare.readStream('linked');
      expect(copied.metadata.hash).toBeUndefined();
      expect(linked.metadata).toMatchObject({ prevHash: null, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    } finally {
      await bare.close();
    }
  });
});
