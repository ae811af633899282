import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashOf } from '@pdca/audit';
import { linkHash, logEntry, logLeaf } from '@pdca/event-store';
import { Environment, openEventStore, validateEnvironment } from '@pdca/platform';
import { loadDemoWard } from '../../../apps/cli/src/demo/load-demo-ward';
import { verifyCommand } from '../../../apps/cli/src/verify.command';
import { ApiHarness, TestUser } from '../../support/api-harness';

export const KEY_FILE = 'transparency-signing-key.pem';
export const CHECKPOINTS = 'transparency-checkpoints.jsonl';
export const USERS: TestUser[] = [
  { username: 'kansa', role: 'auditor' },
  { username: 'kikaku', role: 'planning_office' },
];

export const newKeyPem = () => generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' });

export const environmentFor = (dir: string): Environment =>
  validateEnvironment(
    {
      DATA_DIR: dir,
      JWT_SECRET: 's'.repeat(40),
      LOG_LEVEL: 'error',
      TRANSPARENCY_SIGNING_KEY_FILE: join(dir, KEY_FILE),
    },
    'cli',
  );

export interface Row {
  position: number;
  id: string;
  stream: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  log_prev: string | null;
  log_hash: string | null;
}

/**
 * The published demo ward, built through the service: FY R4 published (a checkpoint at the
 * publication), an open year, a checkpoint at the next start, then a few events after the last
 * checkpoint. What an insider copies and edits.
 */
export async function buildPublishedWorld(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'pdca-insider-'));
  writeFileSync(join(dir, KEY_FILE), newKeyPem(), { mode: 0o600 });
  const outcome = await loadDemoWard(environmentFor(dir), '2026-12-06');
  if (!outcome.loaded) throw new Error(`demo ward not loaded: ${outcome.reason}`);
  // The next start signs the grown log (the checkpoint file holds the note JSON-escaped: \\n<size>\\n).
  await restartApi(dir, (kept) => kept.includes(`\\n${outcome.headPosition}\\n`));
  const store = openEventStore(environmentFor(dir));
  for (let i = 0; i < 3; i++) {
    const id = `after-checkpoint-${i}`;
    await store.append(
      'notes-nerima-2025',
      [
        {
          id,
          type: 'NoteAdded',
          data: { text: `メモ ${i}` },
          metadata: {
            actor: 'kikaku',
            role: 'planning_office',
            correlationId: id,
            causationId: id,
            recordedAt: '2026-12-06T01:00:00.000Z',
          },
        },
      ],
      { expectedRevision: 'any' },
    );
  }
  await store.close();
  return dir;
}

/** A new signing key: the API records the rotation (an event) and signs a checkpoint with it at start. */
export async function rotateKey(dir: string): Promise<void> {
  writeFileSync(join(dir, KEY_FILE), newKeyPem(), { mode: 0o600 });
  await restartApi(dir, (kept) => kept.includes('"rotation"'));
}

async function restartApi(dir: string, done: (checkpoints: string) => boolean): Promise<void> {
  const api = await ApiHarness.start(USERS, { dir });
  await waitFor(() => existsSync(join(dir, CHECKPOINTS)) && done(readFileSync(join(dir, CHECKPOINTS), 'utf8')));
  await api.stop(false);
}

/** A copy of the world (store, checkpoints, key) for one insider to edit. */
export function copyWorld(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pdca-tampered-'));
  for (const name of ['events.db', CHECKPOINTS, KEY_FILE])
    if (existsSync(join(from, name))) copyFileSync(join(from, name), join(dir, name));
  return dir;
}

/** The insider: the SQLite file opened directly, no service involved. */
export function editStore(dir: string, edit: (db: Database.Database) => void): void {
  const db = new Database(join(dir, 'events.db'));
  try {
    edit(db);
  } finally {
    db.close();
  }
}

export const rows = (db: Database.Database, where = '1 = 1', ...params: unknown[]): Row[] =>
  db.prepare(`SELECT * FROM events WHERE ${where} ORDER BY position`).all(...params) as Row[];

/** Moves a row to another position (the primary key), as `UPDATE … SET position` does. */
export function movePosition(db: Database.Database, from: number, to: number): void {
  db.prepare('UPDATE events SET position = ? WHERE position = ?').run(to, from);
}

export function swapPositions(db: Database.Database, a: number, b: number): void {
  movePosition(db, a, -1);
  movePosition(db, b, a);
  movePosition(db, -1, b);
}

/** What an insider without the key can compute: the per-stream hash, and an unkeyed log link. */
/**
 * An event's data with a field rewritten as an insider would: a plain text, or, where the text is
 * sealed (personal data, issue 14), the sealed envelope's ciphertext. Throws if nothing changed,
 * so a test can never pass on an edit that did not happen.
 */
export function rewritten(data: string, text: string): string {
  const changed = /"text":"[^"]*"/.test(data)
    ? data.replace(/"text":"[^"]*"/, `"text":${JSON.stringify(text)}`)
    : data.replace(
        /"sealed":"([^"]*)"/,
        (_match, sealed: string) => `"sealed":"${Buffer.from(`${text}${sealed}`).toString('base64')}"`,
      );
  if (changed === data) throw new Error(`nothing to rewrite in ${data}`);
  return changed;
}

export function rechainStream(db: Database.Database, stream: string): void {
  let previous = '';
  for (const row of rows(db, 'stream = ?', stream)) {
    const metadata = { ...JSON.parse(row.metadata), prevHash: previous || null };
    delete metadata.hash;
    const hash = hashOf(stream, row.revision, { id: row.id, type: row.type, data: JSON.parse(row.data), metadata });
    db.prepare('UPDATE events SET metadata = ? WHERE position = ?').run(
      JSON.stringify({ ...metadata, hash }),
      row.position,
    );
    previous = hash;
  }
}

export function appendForged(
  db: Database.Database,
  event: { id: string; stream: string; type: string; data: object; actor: string },
): void {
  const last = db
    .prepare('SELECT revision, metadata FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1')
    .get(event.stream) as { revision: number; metadata: string } | undefined;
  const tail = db.prepare('SELECT position, log_hash FROM events ORDER BY position DESC LIMIT 1').get() as {
    position: number;
    log_hash: string;
  };
  const revision = (last?.revision ?? -1) + 1;
  const base = {
    actor: event.actor,
    role: 'planning_office',
    correlationId: event.id,
    causationId: event.id,
    recordedAt: '2026-12-06T02:00:00.000Z',
    prevHash: last ? JSON.parse(last.metadata).hash : null,
  };
  const metadata = JSON.stringify({
    ...base,
    hash: hashOf(event.stream, revision, { id: event.id, type: event.type, data: event.data, metadata: base }),
  });
  const row = {
    stream: event.stream,
    revision,
    position: tail.position + 1,
    id: event.id,
    type: event.type,
    data: JSON.stringify(event.data),
    metadata,
  };
  db.prepare(
    'INSERT INTO events (position, id, stream, revision, type, data, metadata, log_prev, log_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    row.position,
    row.id,
    row.stream,
    row.revision,
    row.type,
    row.data,
    row.metadata,
    tail.log_hash,
    linkHash(undefined, tail.log_hash, logLeaf(logEntry(row))),
  );
}

export interface Verdict {
  code: number;
  kinds: string[];
  report: {
    intact: boolean;
    log: {
      findings: Array<{ kind: string; position?: number; stream?: string }>;
      checkpointsChecked: number;
      keyed: boolean;
    };
    streams: { intact: boolean; breaks: Array<{ problem: string }> };
  };
  text: string;
}

/** `pdca verify` on the copy, as the service's operator runs it (the key file beside, the checkpoint file). */
export async function cliVerify(
  dir: string,
  options: { against?: string[]; key?: string[]; logKey?: string[] } = {},
): Promise<Verdict> {
  const environment = environmentFor(dir);
  const store = openEventStore(environment);
  const json: string[] = [];
  const text: string[] = [];
  try {
    const code = await verifyCommand(store, { json: true, ...options }, (line) => json.push(line), { environment });
    await verifyCommand(store, { json: false, ...options }, (line) => text.push(line), { environment });
    const report = JSON.parse(json.join('\n')) as Verdict['report'];
    return { code, kinds: kindsOf(report.log.findings, report.streams.breaks), report, text: text.join('\n') };
  } finally {
    await store.close();
  }
}

/** `GET /audit/verification` of the API started on the copy. */
export async function endpointVerify(
  dir: string,
): Promise<{ intact: boolean; kinds: string[]; signedOverTampering: boolean }> {
  const kept = () => (existsSync(join(dir, CHECKPOINTS)) ? readFileSync(join(dir, CHECKPOINTS), 'utf8') : '');
  const before = kept();
  const api = await ApiHarness.start(USERS, { dir });
  let result: { intact: boolean; kinds: string[] };
  try {
    const body = (await (await api.as('kansa')).get('/wards/nerima/audit/verification').expect(200)).body as {
      intact: boolean;
      breaks: Array<{ problem: string }>;
      log: { findings: Array<{ kind: string }> };
    };
    result = { intact: body.intact, kinds: kindsOf(body.log.findings, body.breaks) };
  } finally {
    await api.stop(false);
  }
  // At start the API signs when the log grew; over a tampered log it must refuse.
  return { ...result, signedOverTampering: kept() !== before };
}

/** Both layers in the words `pdca verify` prints: the log's findings and the per-stream chains' breaks. */
const kindsOf = (findings: Array<{ kind: string }>, breaks: Array<{ problem: string }>): string[] =>
  [
    ...new Set([
      ...findings.map((f) => f.kind),
      ...breaks.map((b) => (b.problem === 'unchained' ? 'forged' : b.problem)),
    ]),
  ].sort();

async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
