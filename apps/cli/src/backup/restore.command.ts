import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ChainedEventStore } from '@pdca/audit';
import { liveStoreLeases, SqliteEventStore, summarizeStoreFile } from '@pdca/event-store';
import type { Environment } from '@pdca/platform';
import { verifyCommand } from '../verify.command';
import { BackupManifest, readManifest, sha256OfFile, transparencyRootOf } from './manifest';

/** Exit codes: 0 restored and intact; 1 the backup is damaged or not intact (nothing replaced); 3 refused. */
export const RESTORE_REFUSED = 3;

/** The projection snapshot the API starts from and the temporary files of its writers; see writeSnapshot. */
const isSnapshotFile = (name: string) => name === 'projections.snapshot' || /^projections\.snapshot\.(\d+\.)?tmp$/.test(name);

/**
 * `pdca restore SRC [--force]`: checks the backup against its manifest, verifies its history with
 * the same check as `pdca verify`, and only then puts it in place as DATA_DIR/events.db.
 *
 * Refusals, decided so that no history is lost by a slip:
 * - a service (API or worker) holds a lease on the store: always refused, --force included —
 *   replacing a file under a running writer corrupts it;
 * - the store already holds events: refused unless --force; with --force the old store is moved
 *   aside (events.db.before-restore-<time>), never deleted.
 * The projection snapshot is removed: it may be ahead of the restored log (same store identity),
 * so the API rebuilds its read models from the restored events on its next start.
 */
export async function restoreCommand(environment: Environment, source: string | undefined, force: boolean, out: (line: string) => void, err: (line: string) => void): Promise<number> {
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
  const verdict = await verifyStaged(staging, manifest, out);
  if (verdict !== 0) {
    removeDatabase(staging);
    err('backup not restored: its history does not verify (see above); the store was not changed');
    return 1;
  }
  // Checked again: a service may have started while the backup was being verified.
  const lateRefusal = refusalOf(storeFile, force);
  if (lateRefusal) {
    removeDatabase(staging);
    err(lateRefusal);
    return RESTORE_REFUSED;
  }
  const movedAside = moveAside(storeFile);
  renameSync(staging, storeFile);
  for (const name of readdirSync(environment.DATA_DIR).filter(isSnapshotFile)) rmSync(join(environment.DATA_DIR, name), { force: true });
  out(`restored ${manifest.store.events} events up to position ${manifest.store.lastPosition} (backup of ${manifest.takenAt}) into ${storeFile}`);
  if (movedAside) out(`the previous store was moved to ${movedAside}`);
  out('the projection snapshot was removed: the API rebuilds its read models from the restored log when it starts');
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
  if (events > 0 && !force) return `refused: ${storeFile} already holds ${events} events. Restore into an empty DATA_DIR, or add --force to replace it (the old store is moved aside, not deleted).`;
  return undefined;
}

/** The file must be the one the manifest describes, byte for byte and figure for figure. */
async function damageOf(backup: string, manifest: BackupManifest): Promise<string | undefined> {
  if (!existsSync(backup)) return `${backup} does not exist`;
  const sha256 = await sha256OfFile(backup);
  if (sha256 !== manifest.sha256) return `its SHA-256 is ${sha256}, the manifest says ${manifest.sha256} (the file was changed or truncated)`;
  return undefined;
}

async function verifyStaged(staging: string, manifest: BackupManifest, out: (line: string) => void): Promise<number> {
  const summary = summarizeStoreFile(staging);
  const mismatches = [
    summary.events !== manifest.store.events && `events ${summary.events} ≠ ${manifest.store.events}`,
    summary.lastPosition !== manifest.store.lastPosition && `last position ${summary.lastPosition} ≠ ${manifest.store.lastPosition}`,
    JSON.stringify(summary.streamHeads) !== JSON.stringify(manifest.chainHeads) && 'chain heads differ from the manifest',
  ].filter(Boolean);
  if (manifest.transparency) {
    const root = transparencyRootOf(staging);
    if (root.rootHash !== manifest.transparency.rootHash || root.treeSize !== manifest.transparency.treeSize) mismatches.push('transparency root differs from the manifest');
  }
  if (mismatches.length > 0) {
    out(`NOT intact — the backup does not match its manifest: ${mismatches.join('; ')}`);
    return 1;
  }
  const store = new ChainedEventStore(new SqliteEventStore(staging));
  try {
    return await verifyCommand(store, { json: false }, out);
  } finally {
    await store.close();
  }
}

function moveAside(storeFile: string): string | undefined {
  if (!existsSync(storeFile)) {
    removeDatabase(storeFile); // a stray -wal or -shm must never be applied to the restored file
    return undefined;
  }
  const aside = `${storeFile}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  // The WAL moves with its database (SQLite finds it by name), so the old store stays whole.
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(storeFile + suffix)) renameSync(storeFile + suffix, aside + suffix);
  return aside;
}

function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) if (existsSync(file + suffix) && statSync(file + suffix).isFile()) rmSync(file + suffix);
}
