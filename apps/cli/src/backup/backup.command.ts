import { existsSync, fsyncSync, openSync, closeSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { copyStoreOnline, summarizeStoreFile } from '@pdca/event-store';
import { Environment, personalDataKeyFile } from '@pdca/platform';
import {
  BackupManifest,
  keysFileOf,
  MANIFEST_FORMAT,
  manifestFileOf,
  sha256OfFile,
  signedCheckpointOf,
  toolVersion,
  transparencyRootOf,
} from './manifest';

/**
 * `pdca backup DEST`: a consistent online copy of the embedded store, then its manifest. DEST is a
 * file, or a folder that gets events-<time>.db. The copy is written as DEST.partial and renamed,
 * and the manifest comes last: a backup without a manifest is unfinished and restore refuses it.
 */
export async function backupCommand(
  environment: Environment,
  destination: string | undefined,
  out: (line: string) => void,
): Promise<number> {
  if (environment.EVENTSTORE_URL)
    throw new Error(
      'backup copies the embedded SQLite store; EventStoreDB has its own backups (see README, "Backup and restore")',
    );
  if (!destination) throw new Error('usage: pdca backup <file-or-folder>');
  const takenAt = new Date();
  const target = resolveTarget(destination, takenAt);
  if (existsSync(target) || existsSync(manifestFileOf(target)) || existsSync(keysFileOf(target)))
    throw new Error(`${target} already exists: a backup is never overwritten`);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const started = performance.now();
  await copyStoreOnline(join(environment.DATA_DIR, 'events.db'), partial);
  const summary = summarizeStoreFile(partial);
  const transparency = environment.TRANSPARENCY_SIGNING_KEY_FILE
    ? withCheckpoint(environment, partial, takenAt)
    : undefined;
  const keys = await copyKeys(environment, target);
  fsyncFile(partial);
  renameSync(partial, target);
  const manifest: BackupManifest = {
    format: MANIFEST_FORMAT,
    file: basename(target),
    sha256: await sha256OfFile(target),
    bytes: statSync(target).size,
    takenAt: takenAt.toISOString(),
    durationMs: Math.round(performance.now() - started),
    tool: toolVersion(),
    store: summary,
    personalDataKeys: keys,
    transparency,
  };
  writeFileSync(`${manifestFileOf(target)}.partial`, `${JSON.stringify(manifest, null, 2)}\n`);
  fsyncFile(`${manifestFileOf(target)}.partial`);
  renameSync(`${manifestFileOf(target)}.partial`, manifestFileOf(target));
  out(
    `backup ${target}: ${summary.events} events up to position ${summary.lastPosition}, log chain head ${summary.logChainHead.hash ?? '(none)'}, ${manifest.bytes} bytes in ${manifest.durationMs} ms (sha256 ${manifest.sha256})`,
  );
  return 0;
}

/**
 * The personal-data keys, copied online after the log: a key is stored before its event, so every
 * key the copied events need is in it (unless erased meanwhile, and then it should not be).
 */
async function copyKeys(environment: Environment, target: string): Promise<BackupManifest['personalDataKeys']> {
  const source = personalDataKeyFile(environment.DATA_DIR);
  if (!existsSync(source)) return undefined;
  const file = keysFileOf(target);
  rmSync(file, { force: true });
  await copyStoreOnline(source, file);
  fsyncFile(file);
  return { file: basename(file), sha256: await sha256OfFile(file), bytes: statSync(file).size };
}

function resolveTarget(destination: string, takenAt: Date): string {
  const path = resolve(destination);
  if (existsSync(path) && statSync(path).isDirectory())
    return join(path, `events-${takenAt.toISOString().replace(/[:.]/g, '-')}.db`);
  return path;
}

function withCheckpoint(environment: Environment, file: string, time: Date): BackupManifest['transparency'] {
  const root = transparencyRootOf(file);
  return { ...root, checkpoint: signedCheckpointOf(environment, root, time) };
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
