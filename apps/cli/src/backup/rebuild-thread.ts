import { existsSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { EventStore, KeyStore, PersonalDataEventStore, SqliteEventStore } from '@pdca/event-store';
import { PROJECTION_VERSION, ProjectionRunner, writeSnapshot } from '@pdca/projections';
import { transparencyRootOf } from './manifest';

export interface RebuildRequest {
  file: string;
  snapshotFile: string;
  /** The personal-data keys the API will open the texts with (none: texts read as stored). */
  keysFile: string;
  /** Also the transparency root over the events (when the manifest has one to compare). */
  withRoot: boolean;
}

export interface RebuildReply {
  position: number;
  root?: { treeSize: number; rootHash: string };
  error?: string;
}

/**
 * The read models rebuilt from a store file as the API rebuilds them (personal texts opened with
 * the key store it will use), written as the projection snapshot the API starts from: run beside
 * the restore's verification, so the API need not rebuild after it.
 */
async function rebuild({ file, snapshotFile, keysFile, withRoot }: RebuildRequest): Promise<RebuildReply> {
  const log = new SqliteEventStore(file);
  const keys = existsSync(keysFile) ? new KeyStore(keysFile) : undefined;
  const store: EventStore = keys ? new PersonalDataEventStore(log, keys) : log;
  try {
    const [first] = await log.readAll({ after: 0, maxCount: 1 });
    const models = await ProjectionRunner.rebuild(store);
    if (first) writeSnapshot(snapshotFile, { version: PROJECTION_VERSION, storeIdentity: first.id, models });
    return { position: models.position, root: withRoot ? transparencyRootOf(file) : undefined };
  } finally {
    keys?.close();
    await log.close();
  }
}

rebuild(workerData as RebuildRequest).then(
  (reply) => parentPort?.postMessage(reply),
  (error: Error) => parentPort?.postMessage({ position: 0, error: error.message } satisfies RebuildReply),
);
