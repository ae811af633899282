import { HASH_SIZE, Hash } from './hashing';
import { isBase64 } from './signed-note';

/**
 * The body of a C2SP checkpoint (https://c2sp.org/tlog-checkpoint): origin, tree size in decimal,
 * base64 root hash, then extension lines. We add one, `time <ISO 8601 UTC>`, so a reader sees
 * when the log was that size; clients that do not know it ignore it, as the format asks.
 */
export interface Checkpoint {
  origin: string;
  treeSize: number;
  rootHash: Hash;
  /** When it was signed (ISO 8601, UTC); informational, the signature covers it. */
  time?: string;
}

const TIME_LINE = /^time (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z)$/;

export function formatCheckpoint(checkpoint: Checkpoint): string {
  const lines = [checkpoint.origin, String(checkpoint.treeSize), checkpoint.rootHash.toString('base64')];
  if (checkpoint.time) lines.push(`time ${checkpoint.time}`);
  return `${lines.join('\n')}\n`;
}

export function parseCheckpoint(text: string): Checkpoint | undefined {
  if (!text.endsWith('\n')) return undefined;
  const [origin, size, root, ...extensions] = text.slice(0, -1).split('\n');
  if (!origin || !/^(0|[1-9]\d{0,15})$/.test(size ?? '') || !isBase64(root ?? '')) return undefined;
  const treeSize = Number(size);
  const rootHash = Buffer.from(root, 'base64');
  if (!Number.isSafeInteger(treeSize) || rootHash.length !== HASH_SIZE) return undefined;
  const time = extensions.map((line) => TIME_LINE.exec(line)?.[1]).find(Boolean);
  return time ? { origin, treeSize, rootHash, time } : { origin, treeSize, rootHash };
}
