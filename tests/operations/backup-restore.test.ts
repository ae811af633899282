import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { SqliteEventStore, summarizeStoreFile } from '@pdca/event-store';
import { readSnapshot } from '@pdca/projections';
import { ApiProcess } from '../bench/support/api-process';
import { projectIdOf, sectionOfProject } from '../bench/support/synthetic-ward';
import { PASSWORD } from '../bench/support/users';
import { FY, writeOpenWards } from '../reliability/support/fixture-wards';
import { rebuildFromFile, rebuiltViews, servedViews } from '../reliability/support/read-model-comparison';
import { runCli } from './support/cli-process';

const WARDS = ['bk_a', 'bk_b'];
const BURST = 400;
const BACKUP_AFTER = 120;
const IN_FLIGHT = 12;
/** Per test: CLI runs (each starting from the TypeScript sources, restore with its rebuild thread) take minutes when the shared machine is loaded (load 25 here). */
const CLI_TIMEOUT_MS = 300_000;

interface Sent {
  commandId: string;
  acknowledgedAt?: number;
}

/**
 * `pdca backup` while the API takes a burst of commands, then `pdca restore`: the copy verifies,
 * holds every command acknowledged before the backup began, a live store is never replaced, and
 * the API started on a restored store serves what a rebuild from zero gives.
 */
describe('backup during a burst of commands, and restore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdca-backup-'));
  const live = join(dir, 'live');
  const restored = join(dir, 'restored');
  const backups = join(dir, 'backups');
  mkdirSync(live);
  mkdirSync(backups);
  const { shape, usersFile, users } = writeOpenWards(live, WARDS, { projects: 200, sections: 20 });
  let api: ApiProcess | undefined;
  let backupFile = '';
  let acknowledgedBeforeBackup: string[] = [];
  let tokens = new Map<string, string>();

  afterAll(async () => {
    await api?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'takes a backup while commands are being acknowledged',
    async () => {
      api = await ApiProcess.start({ dataDir: live, usersFile });
      tokens = new Map(
        await Promise.all(
          users
            .filter((u) => u.role === 'section_staff')
            .map(async (u) => [u.username, await api!.login(u.username, PASSWORD)] as const),
        ),
      );
      let backupStarted: number | undefined;
      let backupRun: ReturnType<typeof runCli> | undefined;
      const sent = await fireBurst(api, tokens, shape.projects, (acknowledged) => {
        if (acknowledged !== BACKUP_AFTER) return;
        backupStarted = Date.now();
        backupRun = runCli(['backup', backups], { DATA_DIR: live });
      });
      const backup = await backupRun!;
      expect(backup.stderr).toBe('');
      expect(backup.code).toBe(0);
      acknowledgedBeforeBackup = sent
        .filter((s) => s.acknowledgedAt !== undefined && s.acknowledgedAt <= backupStarted!)
        .map((s) => s.commandId);
      expect(acknowledgedBeforeBackup.length).toBeGreaterThanOrEqual(BACKUP_AFTER);
      expect(sent.filter((s) => s.acknowledgedAt !== undefined).length).toBe(BURST);
      expect(sent.some((s) => s.acknowledgedAt! > backupStarted!)).toBe(true); // commands kept being served meanwhile

      [backupFile] = readdirSync(backups)
        .filter((name) => name.endsWith('.db'))
        .map((name) => join(backups, name));
      const manifest = JSON.parse(readFileSync(`${backupFile}.manifest.json`, 'utf8'));
      expect(manifest).toMatchObject({ format: 'pdca-backup/2', tool: { name: 'pdca-review' } });
      expect(manifest.store.events).toBe(manifest.store.lastPosition);
      expect(manifest.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(manifest.store.logChainHead).toEqual({
        position: manifest.store.lastPosition,
        hash: expect.stringMatching(/^(h|k[^:]+):[A-Za-z0-9+/]+=*$/),
      });
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'refuses to restore over the store the running API uses, even with --force',
    async () => {
      for (const args of [
        ['restore', backupFile],
        ['restore', backupFile, '--force'],
      ]) {
        const result = await runCli(args, { DATA_DIR: live });
        expect(result.code).toBe(3);
        expect(result.stderr).toMatch(/in use \(service pid \d+/);
      }
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'restores into an empty folder a store that verifies and holds every command acknowledged before the backup',
    async () => {
      const result = await runCli(['restore', backupFile], { DATA_DIR: restored });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^intact/m);
      const stored = await commandsIn(join(restored, 'events.db'));
      expect(acknowledgedBeforeBackup.filter((id) => stored.get(id) !== 2)).toEqual([]);
      expect([...stored.values()].filter((events) => events !== 2)).toEqual([]); // no command half in the copy
      const verify = await runCli(['verify'], { DATA_DIR: restored });
      expect(verify.code).toBe(0);
      // The personal texts (sealed in the log, issue 14) open with the keys the backup carried: the restore's read models hold them in clear.
      expect(existsSync(join(restored, 'personal-data-keys.db'))).toBe(true);
      const snapshot = readSnapshot(
        join(restored, 'projections.snapshot'),
        summarizeStoreFile(join(restored, 'events.db')).firstEventId!,
      );
      const models = JSON.stringify(WARDS.map((wardId) => rebuiltViews(snapshot!, wardId, FY)));
      expect(models).toContain('"text":"実施"');
      expect(models).not.toContain('$personal');
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'refuses a damaged backup and one without its manifest, and leaves the target untouched',
    async () => {
      const damaged = join(backups, 'damaged.db');
      const bytes = readFileSync(backupFile);
      bytes[bytes.length - 100] ^= 0xff;
      writeFileSync(damaged, bytes);
      copyFileSync(`${backupFile}.manifest.json`, `${damaged}.manifest.json`);
      const target = join(dir, 'untouched');
      const result = await runCli(['restore', damaged], { DATA_DIR: target });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/SHA-256/);
      expect(existsSync(join(target, 'events.db'))).toBe(false);

      const bare = join(backups, 'bare.db');
      copyFileSync(backupFile, bare);
      const unfinished = await runCli(['restore', bare], { DATA_DIR: target });
      expect(unfinished.code).not.toBe(0);
      expect(unfinished.stderr).toMatch(/no manifest/);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'given a backup whose file matches its manifest but whose history was altered, restores nothing and leaves no read models behind',
    async () => {
      const altered = join(backups, 'altered.db');
      copyFileSync(backupFile, altered);
      copyFileSync(`${backupFile}.keys.db`, `${altered}.keys.db`);
      const db = new Database(altered);
      db.prepare("UPDATE events SET data = json_set(data, '$.altered', 1) WHERE position = 2").run();
      db.close();
      const manifest = JSON.parse(readFileSync(`${backupFile}.manifest.json`, 'utf8'));
      const bytes = readFileSync(altered);
      writeFileSync(
        `${altered}.manifest.json`,
        JSON.stringify({
          ...manifest,
          file: 'altered.db',
          sha256: createHash('sha256').update(bytes).digest('hex'),
          bytes: bytes.length,
        }),
      );
      const target = join(dir, 'not-restored');

      const result = await runCli(['restore', altered], { DATA_DIR: target });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/^NOT intact/m);
      expect(result.stderr).toMatch(/its history does not verify/);
      expect(
        readdirSync(target).filter((name) => name.startsWith('events.db') || name.startsWith('projections.snapshot')),
      ).toEqual([]);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'replaces a stopped store only with --force, and the API on it serves what a rebuild gives',
    async () => {
      await api!.stop();
      api = undefined;
      expect(existsSync(join(live, 'projections.snapshot'))).toBe(true); // ahead of the backup: must not be loaded
      const refused = await runCli(['restore', backupFile], { DATA_DIR: live });
      expect(refused.code).toBe(3);
      expect(refused.stderr).toMatch(/already holds \d+ events/);

      const forced = await runCli(['restore', backupFile, '--force'], { DATA_DIR: live });
      expect(forced.stderr).toBe('');
      expect(forced.code).toBe(0);
      expect(forced.stdout).toMatch(/^read models rebuilt up to position \d+/m);
      expect(readdirSync(live).filter((name) => name.startsWith('projections.snapshot'))).toEqual([
        'projections.snapshot',
      ]); // the restore's own, not the old one
      expect(readdirSync(live).some((name) => name.startsWith('events.db.before-restore-'))).toBe(true);

      const rebuilt = await rebuildFromFile(join(live, 'events.db'));
      const snapshot = readSnapshot(
        join(live, 'projections.snapshot'),
        summarizeStoreFile(join(live, 'events.db')).firstEventId!,
      );
      expect(snapshot?.position).toBe(rebuilt.head);
      api = await ApiProcess.start({ dataDir: live, usersFile });
      for (const wardId of WARDS) {
        const token = await api.login(`${wardId}.kikaku`, PASSWORD);
        expect(await servedViews(api.base, token, wardId, FY, rebuilt.head)).toEqual(
          rebuiltViews(rebuilt.models, wardId, FY),
        );
      }
    },
    CLI_TIMEOUT_MS,
  );
});

/** One submission per project, IN_FLIGHT at a time; onAcknowledged sees the running count of 2xx. */
async function fireBurst(
  api: ApiProcess,
  tokens: Map<string, string>,
  projects: number,
  onAcknowledged: (count: number) => void,
): Promise<Sent[]> {
  const pool = new Pool(api.base, { connections: IN_FLIGHT });
  const sent: Sent[] = [];
  let acknowledged = 0;
  let cursor = 0;
  const client = async () => {
    for (let i = cursor++; i < BURST; i = cursor++) {
      const wardId = WARDS[i % WARDS.length];
      const index = Math.floor(i / WARDS.length) % projects;
      const username = `${wardId}.${sectionOfProject({ projects, sections: 20 }, index)}`;
      const key = `backup-${i}`;
      const record: Sent = { commandId: `${username}/${key}` };
      sent.push(record);
      const response = await pool.request({
        method: 'POST',
        path: `/wards/${wardId}/cycles/${FY}/projects/${projectIdOf(index)}/submission`,
        body: JSON.stringify({ actual: { text: '実施' }, rating: { scheme: 'nerima', grade: 'A' } }),
        headers: {
          authorization: `Bearer ${tokens.get(username)}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
      });
      const text = await response.body.text();
      if (response.statusCode < 200 || response.statusCode >= 300)
        throw new Error(`${record.commandId}: ${response.statusCode} ${text}`);
      record.acknowledgedAt = Date.now();
      onAcknowledged(++acknowledged);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, client));
  await pool.close();
  return sent;
}

/** How many events each command appended (causationId = user/Idempotency-Key). */
async function commandsIn(file: string): Promise<Map<string, number>> {
  const store = new SqliteEventStore(file);
  const counts = new Map<string, number>();
  try {
    for (let after = 0; ;) {
      const page = await store.readAll({ after, maxCount: 5_000 });
      if (page.length === 0) break;
      for (const event of page)
        if (event.metadata.causationId.includes('/backup-'))
          counts.set(event.metadata.causationId, (counts.get(event.metadata.causationId) ?? 0) + 1);
      after = page[page.length - 1].position;
    }
  } finally {
    await store.close();
  }
  return counts;
}
