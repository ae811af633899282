import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SqliteLogReader, StoreFileSummary } from '@pdca/event-store';
import { Environment, readSigningKeyFile } from '@pdca/platform';
import { ed25519Signer, formatCheckpoint, MerkleTree, rowLeafHash, signNote } from '@pdca/transparency';

export const MANIFEST_FORMAT = 'pdca-backup/2';
/** The first format also listed every stream's chain head (ignored now: the log chain's head covers them). */
const EARLIER_FORMATS = ['pdca-backup/1'];

/** What `pdca backup` writes beside the backup file, and `pdca restore` checks before and after. */
export interface BackupManifest {
  format: typeof MANIFEST_FORMAT;
  /** The backup file's name, in the manifest's folder. */
  file: string;
  sha256: string;
  bytes: number;
  /** When the copy's read transaction started: everything acknowledged before this is in it. */
  takenAt: string;
  durationMs: number;
  tool: { name: string; version: string; node: string };
  /** Count, last position, identity and the log chain's head (the link of the newest event). */
  store: StoreFileSummary;
  /** The personal-data key store (issue 14), copied after the log: it holds every key the copied events need. */
  personalDataKeys?: { file: string; sha256: string; bytes: number };
  /** With TRANSPARENCY_SIGNING_KEY_FILE: the transparency log's root over the backup, signed as the API signs it. */
  transparency?: { treeSize: number; rootHash: string; checkpoint: string };
}

export const manifestFileOf = (backupFile: string) => `${backupFile}.manifest.json`;
export const keysFileOf = (backupFile: string) => `${backupFile}.keys.db`;

export function readManifest(backupFile: string): BackupManifest {
  const file = manifestFileOf(backupFile);
  if (!existsSync(file))
    throw new Error(`no manifest beside the backup (${file}): an unfinished or foreign backup is not restored`);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as BackupManifest;
  // Widened: a file from disk may name any format (comparing the literal types would narrow both to never).
  if ((manifest.format as string) !== MANIFEST_FORMAT && !EARLIER_FORMATS.includes(manifest.format))
    throw new Error(`${file} is not a ${MANIFEST_FORMAT} manifest`);
  return manifest;
}

/** Read in 4 MiB chunks: the default 64 KiB made hashing a 790 MB backup take twice the time here. */
export function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file, { highWaterMark: 4 * 1_048_576 })
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

/** The Merkle root the API's transparency log has at this size: the same leaves (of the rows as stored) in the same order. */
export function transparencyRootOf(storeFile: string): { treeSize: number; rootHash: string } {
  const tree = new MerkleTree();
  const reader = new SqliteLogReader(storeFile);
  try {
    for (const page of reader.pages()) for (const row of page) tree.append(rowLeafHash(row));
  } finally {
    reader.close();
  }
  return rootOf(tree);
}

export const rootOf = (tree: MerkleTree) => ({
  treeSize: tree.size,
  rootHash: tree.root(tree.size).toString('base64'),
});

/** Signed with the API's key and origin, so `pdca checkpoint-verify` checks it like a published one. */
export function signedCheckpointOf(
  environment: Environment,
  root: { treeSize: number; rootHash: string },
  time: Date,
): string {
  const privateKey = readSigningKeyFile(environment.TRANSPARENCY_SIGNING_KEY_FILE!);
  const base = new URL(environment.PUBLIC_BASE_URL);
  const origin = `${base.host}${base.pathname.replace(/\/+$/, '')}/transparency`;
  return signNote(
    formatCheckpoint({
      origin,
      treeSize: root.treeSize,
      rootHash: Buffer.from(root.rootHash, 'base64'),
      time: time.toISOString(),
    }),
    [ed25519Signer(origin, privateKey)],
  );
}

/** This tool's version from the repository's package.json (source and build sit at different depths). */
export function toolVersion(): { name: string; version: string; node: string } {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'pdca-review')
      return { name: 'pdca-review', version: pkg.version ?? 'unknown', node: process.version };
  }
  return { name: 'pdca-review', version: 'unknown', node: process.version };
}
