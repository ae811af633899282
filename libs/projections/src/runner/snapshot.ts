import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { ReadModels } from '../read-models';

/**
 * Bump whenever projectEvent or the read-model shapes change: a snapshot written by another
 * projection version is ignored and the models are rebuilt from zero instead.
 */
export const PROJECTION_VERSION = 6;

export interface Snapshot {
  version: number;
  /** The id of the first event in the store: a snapshot of another store is never loaded. */
  storeIdentity: string;
  models: ReadModels;
}

/**
 * Written to a temporary file and renamed, so a crash never leaves half a snapshot. The temporary
 * file is this process's own: several API processes on one DATA_DIR (issue 15) each snapshot their
 * models, and a shared name would let one rename the other's half-written file. The last rename
 * wins; either snapshot is whole and carries its own position.
 */
export function writeSnapshot(file: string, snapshot: Snapshot): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, serialize(snapshot));
  renameSync(temporary, file);
}

export function readSnapshot(file: string, storeIdentity: string): ReadModels | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const snapshot = deserialize(readFileSync(file)) as Snapshot;
    if (snapshot.version !== PROJECTION_VERSION || snapshot.storeIdentity !== storeIdentity) return undefined;
    return snapshot.models;
  } catch {
    return undefined;
  }
}
