import { createPublicKey, KeyObject } from 'node:crypto';
import { EventStore, logKeyFromSigningKey } from '@pdca/event-store';
import { CheckpointFile } from '../checkpoints/checkpoint-file';
import { NoteVerifierKey, verifierKeyOf } from '../signed-note';
import { KeptCheckpoint } from './checkpoint-findings';
import { LogVerification, verifyLog } from './verify-log';

/** The log's name (C2SP origin and key name): the service's public address plus /transparency. */
export function transparencyOrigin(publicBaseUrl: string): string {
  const base = new URL(publicBaseUrl);
  return `${base.host}${base.pathname.replace(/\/+$/, '')}/transparency`;
}

export interface ServiceLogSources {
  /** The SQLite file (log chain checked) or, for EventStoreDB, the store itself ($all order). */
  store: EventStore | string;
  /** The log's name; unset (a bare copy) accepts checkpoints of any origin signed by a trusted key. */
  origin?: string;
  /** The signing key from its file: its public half is trusted, its log key recomputes every link. */
  signingKey?: KeyObject;
  /** The service's checkpoint file (DATA_DIR/transparency-checkpoints.jsonl). */
  checkpointFile?: string;
  /** EventStoreDB: the linker's links (DATA_DIR/log-links.jsonl), checked with the signing key's log key. */
  linkFile?: string;
  /** Checkpoints a witness kept, and keys given from outside (e.g. `--key`). */
  witnessed?: readonly KeptCheckpoint[];
  keys?: readonly NoteVerifierKey[];
  /** A witness's pinned log keys: then the only keys that verify checkpoints (see LogVerificationOptions). */
  pinnedKeys?: readonly NoteVerifierKey[];
}

/** What `pdca verify` and `GET /audit/verification` check: the log against every checkpoint anyone kept. */
export function verifyServiceLog(sources: ServiceLogSources): Promise<LogVerification> {
  const keys = [...(sources.keys ?? [])];
  if (sources.signingKey && sources.origin)
    keys.push(verifierKeyOf(sources.origin, createPublicKey(sources.signingKey)));
  const stored = (sources.checkpointFile ? new CheckpointFile(sources.checkpointFile).readAll() : []).map((c) => ({
    note: c.note,
    source: 'service',
  }));
  return verifyLog(sources.store, {
    keys,
    origin: sources.origin,
    pinnedKeys: sources.pinnedKeys,
    logKey: sources.signingKey ? logKeyFromSigningKey(sources.signingKey) : undefined,
    checkpoints: [...stored, ...(sources.witnessed ?? [])],
    linkFile: sources.linkFile,
  });
}
