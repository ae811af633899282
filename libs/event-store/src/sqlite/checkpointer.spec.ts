import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

describe('the store checkpoints on a thread of its own', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'checkpoint-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const metadata = {
    actor: 'test',
    role: 'system',
    correlationId: 'c',
    causationId: 'c',
    recordedAt: '2026-12-06T00:00:00Z',
  };
  const event = (i: number): NewEvent => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    type: 'Noted',
    data: { text: 'x'.repeat(900) },
    metadata,
  });

  it('given 300 appends, far below the writer connection own checkpoint interval, then their pages reach the events file', async () => {
    const file = join(dir, 'events.db');
    const store = new SqliteEventStore(file);
    await store.append('first', [event(0)], { expectedRevision: 'no_stream' });
    const before = statSync(file).size;
    for (let i = 1; i <= 300; i++) await store.append(`stream-${i}`, [event(i)], { expectedRevision: 'no_stream' });
    const deadline = Date.now() + 5_000;
    while (statSync(file).size <= before + 200_000 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(statSync(file).size).toBeGreaterThan(before + 200_000);
    await store.close();
    expect(existsSync(`${file}-wal`)).toBe(false); // every connection closed, the checkpoint thread's too
    const reopened = new SqliteEventStore(file);
    expect((await reopened.readAll()).length).toBe(301);
    await reopened.close();
  });
});
