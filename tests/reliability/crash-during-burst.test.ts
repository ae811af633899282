import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { SqliteEventStore } from '@pdca/event-store';
import type { RecordedEvent } from '@pdca/event-store';
import { wardOf } from '@pdca/projections';
import { ApiProcess } from '../bench/support/api-process';
import { projectIdOf, sectionOfProject } from '../bench/support/synthetic-ward';
import { PASSWORD } from '../bench/support/users';
import { FY, writeOpenWards } from './support/fixture-wards';
import { rebuildFromFile, rebuiltViews, servedViews } from './support/read-model-comparison';

const WARDS = ['crash_a', 'crash_b'];
const ROUNDS = 5;
const BURST = 2_000;
const IN_FLIGHT = 24;

interface Command {
  username: string;
  method: 'POST' | 'PUT';
  path: string;
  body: object;
  /** How many events the command appends when it is accepted. */
  events: number;
  key: string;
}

interface Sent {
  commandId: string;
  /** How many events the command appends when it is accepted. */
  events: number;
  acknowledged: boolean;
}

/**
 * SIGKILL during a burst of commands, five times over one data directory: every command the API
 * acknowledged with a 2xx is in the store after the restart, every command is either wholly there or
 * not at all, and what the restarted API serves equals read models rebuilt from zero.
 */
describe('SIGKILL of the API during a burst of 2,000 commands, five times', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdca-crash-'));
  const file = join(dir, 'events.db');
  const { shape, usersFile, users } = writeOpenWards(dir, WARDS);
  const sent: Sent[] = [];
  let tokens = new Map<string, string>();
  let api: ApiProcess | undefined;

  afterAll(async () => {
    await api?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(Array.from({ length: ROUNDS }, (_, round) => [round + 1]))(
    'round %i: acknowledged commands survive and the views equal a rebuild',
    async (round) => {
      api = await ApiProcess.start({ dataDir: dir, usersFile });
      if (tokens.size === 0)
        tokens = await login(
          api,
          users.map((u) => u.username),
        );
      const { models } = await rebuildFromFile(file);
      const killAfter = 150 + ((round * 277) % 500);
      const burst = planBurst(
        round,
        (wardId, projectId) =>
          wardOf(models, wardId).cycles.get(FY)?.items.project.get(projectId)?.state.status ?? 'not_started',
      );
      const outcome = await fireAndKill(api, burst, tokens, killAfter);
      sent.push(...outcome);
      expect(outcome.filter((s) => s.acknowledged).length).toBeGreaterThanOrEqual(killAfter);
      expect(outcome.some((s) => !s.acknowledged)).toBe(true); // commands were in flight when it died

      api = await ApiProcess.start({ dataDir: dir, usersFile });
      const stored = await storedByCommand(file);
      const lost = sent.filter((s) => s.acknowledged && !stored.has(s.commandId)).map((s) => s.commandId);
      expect(lost).toEqual([]);
      const halfWritten = sent
        .filter((s) => stored.has(s.commandId) && stored.get(s.commandId)!.length !== s.events)
        .map((s) => s.commandId);
      expect(halfWritten).toEqual([]);

      const rebuilt = await rebuildFromFile(file);
      for (const wardId of WARDS) {
        const served = await servedViews(api.base, tokens.get(`${wardId}.kikaku`)!, wardId, FY, rebuilt.head);
        expect(served).toEqual(rebuiltViews(rebuilt.models, wardId, FY));
      }
      await api.kill();
      api = undefined;
    },
    120_000,
  );

  it('leaves hash chains that verify after all the crashes', async () => {
    api = await ApiProcess.start({ dataDir: dir, usersFile });
    const response = await fetch(`${api.base}/wards/${WARDS[0]}/audit/verification`, {
      headers: { authorization: `Bearer ${tokens.get(`${WARDS[0]}.kikaku`)}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ intact: true });
  }, 60_000);

  /** Submissions for projects not yet submitted, rating changes and withdrawals for submitted ones. */
  function planBurst(round: number, statusOf: (wardId: string, projectId: string) => string): Command[] {
    const commands: Command[] = [];
    for (let i = 0; commands.length < BURST; i++) {
      const wardId = WARDS[i % WARDS.length];
      const index = Math.floor(i / WARDS.length) % shape.projects;
      const projectId = projectIdOf(index);
      const username = `${wardId}.${sectionOfProject(shape, index)}`;
      const item = `/wards/${wardId}/cycles/${FY}/projects/${projectId}`;
      const key = `crash-${round}-${i}`;
      const status = statusOf(wardId, projectId);
      if (status === 'not_started' || status === 'draft') {
        commands.push({
          username,
          method: 'POST',
          path: `${item}/submission`,
          body: { actual: { text: `第${round}回 実施` }, rating: { scheme: 'nerima', grade: 'A' } },
          events: 2,
          key,
        });
      } else if ((i + round) % 7 === 0) {
        commands.push({
          username,
          method: 'POST',
          path: `${item}/withdrawal`,
          body: { reason: '数値の確認のため' },
          events: 1,
          key,
        });
      } else {
        const rating =
          (i + round) % 2 === 0
            ? { scheme: 'nerima', grade: 'A' }
            : { scheme: 'nerima', grade: 'B', bReason: 'other', note: `第${round}回の見直し` };
        commands.push({ username, method: 'PUT', path: `${item}/rating`, body: { rating }, events: 1, key });
      }
    }
    return commands;
  }
});

async function login(api: ApiProcess, usernames: string[]): Promise<Map<string, string>> {
  return new Map(await Promise.all(usernames.map(async (name) => [name, await api.login(name, PASSWORD)] as const)));
}

/** Sends the burst with IN_FLIGHT requests at a time and SIGKILLs the API as the killAfter-th 2xx arrives. */
async function fireAndKill(
  api: ApiProcess,
  burst: Command[],
  tokens: Map<string, string>,
  killAfter: number,
): Promise<Sent[]> {
  const pool = new Pool(api.base, { connections: IN_FLIGHT });
  const sent: Sent[] = [];
  let acknowledged = 0;
  let cursor = 0;
  const client = async () => {
    for (let command = burst[cursor++]; command; command = burst[cursor++]) {
      const record: Sent = {
        commandId: `${command.username}/${command.key}`,
        events: command.events,
        acknowledged: false,
      };
      sent.push(record);
      try {
        const response = await pool.request({
          method: command.method,
          path: command.path,
          body: JSON.stringify(command.body),
          headers: {
            authorization: `Bearer ${tokens.get(command.username)}`,
            'content-type': 'application/json',
            'idempotency-key': command.key,
          },
        });
        await response.body.text();
        if (response.statusCode >= 200 && response.statusCode < 300) {
          record.acknowledged = true;
          if (++acknowledged === killAfter) api.child.kill('SIGKILL');
        }
      } catch {
        return; // the API is gone: this client stops
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, client));
  await api.exited;
  await pool.destroy();
  return sent;
}

/** Stored events grouped by the command that appended them (causationId = user/Idempotency-Key). */
async function storedByCommand(file: string): Promise<Map<string, RecordedEvent[]>> {
  const store = new SqliteEventStore(file);
  const byCommand = new Map<string, RecordedEvent[]>();
  try {
    for (let after = 0; ;) {
      const page = await store.readAll({ after, maxCount: 5_000 });
      if (page.length === 0) break;
      for (const event of page)
        byCommand.set(event.metadata.causationId, [...(byCommand.get(event.metadata.causationId) ?? []), event]);
      after = page[page.length - 1].position;
    }
  } finally {
    await store.close();
  }
  return byCommand;
}
