import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@pdca/event-store';
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
