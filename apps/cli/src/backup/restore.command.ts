import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ChainedEventStore } from '@pdca/audit';
import { liveStoreLeases, SqliteEventStore, summarizeStoreFile } from '@pdca/event-store';
import { Environment, personalDataKeyFile } from '@pdca/platform';
import { verifyCommand } from '../verify.command';
import { BackupManifest, keysFileOf, readManifest, sha256OfFile } from './manifest';
import type { RebuildReply, RebuildRequest } from './rebuild-thread';

/** Exit codes: 0 restored and intact; 1 the backup is damaged or not intact (nothing replaced); 3 refused. */
export const RESTORE_REFUSED = 3;

const SNAPSHOT = 'projections.snapshot';
/** The projection snapshot the API starts from and the temporary files of its writers; see writeSnapshot. */
const isSnapshotFile = (name: string) =>
  name === 'projections.snapshot' || /^projections\.snapshot\.(\d+\.)?tmp$/.test(name);

/**
 * `pdca restore SRC [--force]`: checks the backup against its manifest, verifies its history with
 * the same check as `pdca verify`, and only then puts it in place as DATA_DIR/events.db.
 *
 * Refusals, decided so that no history is lost by a slip:
 * - a service (API or worker) holds a lease on the store: always refused, --force included —
 *   replacing a file under a running writer corrupts it;
 * - the store already holds events: refused unless --force; with --force the old store is moved
 *   aside (events.db.before-restore-<time>), never deleted.
 * The read models are rebuilt from the backup in a worker thread while the main thread verifies
 * it, and put in place as the projection snapshot together with the store: the API starts from
 * them instead of rebuilding (the old snapshot may be ahead of the restored log under the same
 * store identity, so it is always replaced). A backup that does not verify leaves neither behind.
 */
export async function restoreCommand(
  environment: Environment,
  source: string | undefined,
  force: boolean,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  if (environment.EVENTSTORE_URL) throw new Error('restore writes the embedded SQLite store; unset EVENTSTORE_URL');
  if (!source) throw new Error('usage: pdca restore <backup-file> [--force]');
  const backup = resolve(source);
  const manifest = readManifest(backup);
  const storeFile = join(environment.DATA_DIR, 'events.db');

  const refusal = refusalOf(storeFile, force);
  if (refusal) {
    err(refusal);
    return RESTORE_REFUSED;
  }
  const problem = await damageOf(backup, manifest);
  if (problem) {
    err(`backup not restored: ${problem}`);
    return 1;
  }

  mkdirSync(environment.DATA_DIR, { recursive: true });
  const staging = `${storeFile}.restoring`;
  removeDatabase(staging);
  copyFileSync(backup, staging);
  const mismatch = figuresMismatch(staging, manifest);
  if (mismatch) {
    removeDatabase(staging);
    err(`backup not restored: it does not match its manifest: ${mismatch}; the store was not changed`);
    return 1;
  }
  const stagedSnapshot = join(environment.DATA_DIR, `${SNAPSHOT}.restoring`);
  const keys = personalDataKeyFile(environment.DATA_DIR);
  const stagedKeys = `${keys}.restoring`;
  removeDatabase(stagedKeys);
  if (manifest.personalDataKeys) copyFileSync(keysFileOf(backup), stagedKeys);
  const rebuilt = rebuildBeside(staging, stagedSnapshot, existsSync(keys) ? keys : stagedKeys, manifest);
  const verdict = await verifyStaged(staging, environment, out);
  const models = await rebuilt;
  const rootProblem = models.error
    ? `the read models could not be rebuilt: ${models.error}`
    : rootMismatch(models, manifest);
  if (verdict !== 0 || rootProblem) {
    if (rootProblem) out(`NOT intact — ${rootProblem}`);
    removeDatabase(staging);
    removeDatabase(stagedKeys);
    rmSync(stagedSnapshot, { force: true });
    err('backup not restored: its history does not verify (see above); the store was not changed');
    return 1;
  }
  // Checked again: a service may have started while the backup was being verified.
  const lateRefusal = refusalOf(storeFile, force);
  if (lateRefusal) {
    removeDatabase(staging);
    removeDatabase(stagedKeys);
    rmSync(stagedSnapshot, { force: true });
    err(lateRefusal);
    return RESTORE_REFUSED;
  }
  closeLast(staging);
  const movedAside = moveAside(storeFile);
  renameSync(staging, storeFile);
  for (const name of readdirSync(environment.DATA_DIR).filter(isSnapshotFile))
    rmSync(join(environment.DATA_DIR, name), { force: true });
  if (existsSync(stagedSnapshot)) renameSync(stagedSnapshot, join(environment.DATA_DIR, SNAPSHOT));
  if (existsSync(stagedKeys)) out(restoreKeys(stagedKeys, keys));
  out(
    `restored ${manifest.store.events} events up to position ${manifest.store.lastPosition} (backup of ${manifest.takenAt}) into ${storeFile}`,
  );
  if (movedAside) out(`the previous store was moved to ${movedAside}`);
  out(`read models rebuilt up to position ${models.position} (${SNAPSHOT}): the API starts from them`);
  return 0;
}

function refusalOf(storeFile: string, force: boolean): string | undefined {
  const leases = liveStoreLeases(storeFile);
  if (leases.length > 0) {
    const holders = leases.map((l) => `${l.app} pid ${l.pid} on ${l.host} since ${l.since}`).join(', ');
    return `refused: the store ${storeFile} is in use (${holders}). Stop the API and the worker first; --force does not override this. A lease left by a stopped service on another host is removed by deleting ${leases[0].file}.`;
  }
  if (!existsSync(storeFile)) return undefined;
  const events = summarizeStoreFile(storeFile).events;
  if (events > 0 && !force)
    return `refused: ${storeFile} already holds ${events} events. Restore into an empty DATA_DIR, or add --force to replace it (the old store is moved aside, not deleted).`;
  return undefined;
}

/** The file must be the one the manifest describes, byte for byte and figure for figure. */
async function damageOf(backup: string, manifest: BackupManifest): Promise<string | undefined> {
  if (!existsSync(backup)) return `${backup} does not exist`;
  const sha256 = await sha256OfFile(backup);
  if (sha256 !== manifest.sha256)
    return `its SHA-256 is ${sha256}, the manifest says ${manifest.sha256} (the file was changed or truncated)`;
  if (!manifest.personalDataKeys) return undefined;
  const keys = keysFileOf(backup);
  if (!existsSync(keys))
    return `the personal-data keys ${keys} are missing (without them the personal texts could not be read)`;
  const keysSha256 = await sha256OfFile(keys);
  if (keysSha256 !== manifest.personalDataKeys.sha256)
    return `the SHA-256 of ${keys} is ${keysSha256}, the manifest says ${manifest.personalDataKeys.sha256}`;
  return undefined;
}

/**
 * The figures against the manifest, then the same check as `pdca verify` with the service's key
 * (every log link recomputed). Not against DATA_DIR's checkpoint file: restoring last night's
 * backup over today's store is what a restore is for, and today's checkpoints sign events the
 * backup cannot hold; the backup's own signed checkpoint is compared by its root instead.
 */
async function verifyStaged(staging: string, environment: Environment, out: (line: string) => void): Promise<number> {
  const noCheckpoints = mkdtempSync(`${staging}.verify-`);
  const store = new ChainedEventStore(new SqliteEventStore(staging));
  try {
    return await verifyCommand(store, { json: false }, out, {
      environment: { ...environment, DATA_DIR: noCheckpoints },
      storeFile: staging,
    });
  } finally {
    await store.close();
    rmSync(noCheckpoints, { recursive: true, force: true });
  }
}

/**
 * Count, last position and log chain head against the manifest (the SHA-256 matched: this catches
 * a manifest of another file). Also puts the copy in WAL mode as the service opens it, before the
 * verification and the rebuild thread read it side by side (the switch needs the file to itself).
 */
function figuresMismatch(staging: string, manifest: BackupManifest): string | undefined {
  const db = new Database(staging, { fileMustExist: true });
  try {
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
  const summary = summarizeStoreFile(staging);
  const head = manifest.store.logChainHead;
  const mismatches = [
    summary.events !== manifest.store.events && `events ${summary.events} ≠ ${manifest.store.events}`,
    summary.lastPosition !== manifest.store.lastPosition &&
      `last position ${summary.lastPosition} ≠ ${manifest.store.lastPosition}`,
    head &&
      (summary.logChainHead.hash !== head.hash || summary.logChainHead.position !== head.position) &&
      `log chain head ${summary.logChainHead.hash} ≠ ${head.hash}`,
  ].filter(Boolean);
  return mismatches.length > 0 ? mismatches.join('; ') : undefined;
}

/** The read-model rebuild (and the transparency root) in a worker thread, beside the verification. */
function rebuildBeside(
  file: string,
  snapshotFile: string,
  keysFile: string,
  manifest: BackupManifest,
): Promise<RebuildReply> {
  const script = join(__dirname, `rebuild-thread${extname(__filename)}`);
  // Under the TypeScript runner (tests, `npm run cli` from the sources) the thread needs the same loader.
  const execArgv = extname(__filename) === '.ts' ? ['-r', '@swc-node/register'] : [];
  const request: RebuildRequest = { file, snapshotFile, keysFile, withRoot: manifest.transparency !== undefined };
  return new Promise((resolve) => {
    const worker = new Worker(script, { workerData: request, execArgv });
    worker.once('message', (reply: RebuildReply) => resolve(reply));
    worker.once('error', (error) => resolve({ position: 0, error: error.message }));
    worker.once('exit', (code) => resolve({ position: 0, error: `the rebuild thread exited with ${code}` }));
  });
}

function rootMismatch(models: RebuildReply, manifest: BackupManifest): string | undefined {
  const expected = manifest.transparency;
  if (!expected || !models.root) return undefined;
  if (models.root.rootHash === expected.rootHash && models.root.treeSize === expected.treeSize) return undefined;
  return `the transparency root over the backup (${models.root.treeSize} events) differs from its manifest's signed checkpoint (${expected.treeSize} events)`;
}

/**
 * The backup's personal-data keys into DATA_DIR. Without a key store there (a new disk) they are
 * put in place. An existing one is kept and only given the keys it lacks and has no tombstone
 * for: a text erased after the backup was taken stays erased when the backup is restored.
 */
function restoreKeys(staged: string, keys: string): string {
  if (!existsSync(keys)) {
    closeLast(staged);
    renameSync(staged, keys);
    return `personal-data keys restored into ${keys}`;
  }
  const db = new Database(keys, { fileMustExist: true });
  try {
    db.prepare('ATTACH DATABASE ? AS backup').run(staged);
    const added = db
      .prepare(
        'INSERT OR IGNORE INTO personal_keys (kid, key, created_at) SELECT kid, key, created_at FROM backup.personal_keys WHERE kid NOT IN (SELECT kid FROM destroyed_keys)',
      )
      .run().changes;
    db.exec('DETACH DATABASE backup');
    return `personal-data keys kept in ${keys} (${added} missing keys added from the backup; erased texts stay erased)`;
  } finally {
    db.close();
    removeDatabase(staged);
  }
}

/** Closing the last connection of a WAL database folds the WAL back in and deletes it, so the file is whole by itself. */
function closeLast(file: string): void {
  new Database(file, { fileMustExist: true }).close();
}

function moveAside(storeFile: string): string | undefined {
  if (!existsSync(storeFile)) {
    removeDatabase(storeFile); // a stray -wal or -shm must never be applied to the restored file
    return undefined;
  }
  const aside = `${storeFile}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  // The WAL moves with its database (SQLite finds it by name), so the old store stays whole.
  for (const suffix of ['', '-wal', '-shm'])
    if (existsSync(storeFile + suffix)) renameSync(storeFile + suffix, aside + suffix);
  return aside;
}

function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal'])
    if (existsSync(file + suffix) && statSync(file + suffix).isFile()) rmSync(file + suffix);
}
