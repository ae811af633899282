import type { LogKey, LogRow } from '@pdca/event-store';
import type { MerkleTree } from '../merkle-tree';
import { NoteVerifierKey, parseVerifierKey } from '../signed-note';
import { checkpointFindings, KeptCheckpoint } from './checkpoint-findings';
import { Finding, finding } from './findings';
import { KEY_ROTATED } from './log-keys';

export interface LogVerificationOptions {
  /** Verifier keys trusted from outside the database (the key file's public half, --key, a witness's). */
  keys: readonly NoteVerifierKey[];
  /**
   * A witness's pinned log keys (`--log-key`): when set, every checkpoint must verify with one of
   * these, and neither the key file nor a rotation event in the database adds a key to trust.
   */
  pinnedKeys?: readonly NoteVerifierKey[];
  /** The current log key (from the signing key file): without it, keyed links are not recomputed. */
  logKey?: LogKey;
  /** The service's checkpoints and any witness's copies. */
  checkpoints: readonly KeptCheckpoint[];
  origin?: string;
  /** EventStoreDB: the linker's link file (DATA_DIR/log-links.jsonl); its links are checked with `logKey`. */
  linkFile?: string;
}

export interface LogVerification {
  intact: boolean;
  events: number;
  /** Events stored before the log chain (covered by per-stream chains and checkpoints only). */
  legacy: number;
  treeSize: number;
  rootHash: string;
  checkpointsChecked: number;
  /** Whether each link was recomputed with the key (else an insider could rechain unseen until a checkpoint). */
  keyed: boolean;
  findings: Finding[];
  /** EventStoreDB with the key: the position of the last event the linker linked (0: none). */
  linkedUpTo?: number;
  /** EventStoreDB with the key: events after `linkedUpTo`, covered by checkpoints only until linked. */
  notYetLinked?: number;
}

/** The verdict over a whole log: its chain's findings, then the tree against every kept checkpoint. */
export function logVerdict(
  tree: MerkleTree,
  legacy: number,
  chainFindings: Finding[],
  options: LogVerificationOptions,
  keyed: boolean,
): LogVerification {
  const checked = checkpointFindings(tree, options.checkpoints, options.pinnedKeys ?? options.keys, options.origin);
  const findings = [...chainFindings, ...checked.findings];
  return {
    intact: findings.length === 0,
    events: tree.size,
    legacy,
    treeSize: tree.size,
    rootHash: tree.root().toString('base64'),
    checkpointsChecked: checked.checked,
    keyed,
    findings,
  };
}

/** SQLite issued positions past the last row: the log's tail was deleted. */
export function truncatedTail(lastPosition: number | undefined, issued: number): Finding[] {
  if (lastPosition === undefined || issued <= lastPosition) return [];
  return [
    finding(
      'truncated',
      { position: lastPosition + 1 },
      `位置 ${lastPosition + 1}〜${issued} の記録が末尾から削除されています（SQLite が発行した最大位置は ${issued}）。`,
      `the events at positions ${lastPosition + 1}–${issued} were removed from the end (SQLite issued positions up to ${issued})`,
    ),
  ];
}

/** A rotation event whose link the current key made names the keys that signed earlier checkpoints. */
export function keysNamedBy(row: Pick<LogRow, 'type' | 'data'>): NoteVerifierKey[] {
  if (row.type !== KEY_ROTATED) return [];
  const data = JSON.parse(row.data) as { previousKey?: string; nextKey?: string };
  return [data.previousKey, data.nextKey].flatMap((text) => (text && parseVerifierKey(text)) || []);
}
