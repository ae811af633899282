import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SqliteEventStore } from '@pdca/event-store';

interface Ack {
  stream: string;
  ids: string[];
}

/** Starts the burst in a child process and SIGKILLs it after `killAfter` acknowledgements. */
function burstThenKill(file: string, killAfter: number): Promise<Ack[]> {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, 'support/append-burst.ts'), file],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const acks: Ack[] = [];
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const message = JSON.parse(line);
      if (message.ids) acks.push(message);
      if (acks.length === killAfter) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve(acks) : reject(new Error(`child exited ${code}`)),
    );
  });
}

describe('SQLite durability under SIGKILL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdca-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged append and never half of one', async () => {
    const file = join(dir, 'events.db');
    const acks = await burstThenKill(file, 1_500);

    const store = new SqliteEventStore(file);
    const all = [];
    for (let after = 0; ;) {
      const page = await store.readAll({ after, maxCount: 5_000 });
      if (page.length === 0) break;
      all.push(...page);
      after = page[page.length - 1].position;
    }
    await store.close();

    const stored = new Set(all.map((e) => e.id));
    const lost = acks.filter((ack) => !ack.ids.every((id) => stored.has(id)));
    expect(lost).toEqual([]);
    expect(all.length).toBeGreaterThanOrEqual(acks.length * 3);
    // Batches are all-or-nothing: every stream holds whole groups of three, in order.
    const byStream = new Map<string, string[]>();
    all.forEach((e) => byStream.set(e.stream, [...(byStream.get(e.stream) ?? []), e.type]));
    for (const types of byStream.values()) {
      expect(types.length % 3).toBe(0);
      expect(types.join(',')).toBe(
        Array(types.length / 3)
          .fill('One,Two,Three')
          .join(','),
      );
    }
  }, 60_000);
});
