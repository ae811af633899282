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
