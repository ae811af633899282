import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { LogKey, SqliteLogReader } from '@pdca/event-store';
import { checkChunk, LogChunk } from './log-chunks';

export const CHUNK_THREAD_ROLE = 'pdca-log-chunks';

/** How the log is cut: chunk i holds positions (i·size, (i+1)·size], the last one everything after. */
export interface ChunkPlan {
  size: number;
  count: number;
}

export interface ChunkThreadData {
  role: typeof CHUNK_THREAD_ROLE;
  file: string;
  key?: { id: string; secret: Uint8Array };
  plan: ChunkPlan;
  /** [next chunk to take, stop]: shared with the main thread, which takes chunks from the same counter. */
  shared: SharedArrayBuffer;
}

export type ChunkThreadMessage = { chunk: LogChunk } | { done: true };

export const chunkBounds = (plan: ChunkPlan, index: number): [after: number, upTo: number] => [
  index * plan.size,
  index === plan.count - 1 ? Number.MAX_SAFE_INTEGER : (index + 1) * plan.size,
];

/** The next chunk nobody took yet, checked; none when all are taken or one was not clean (the sequential pass takes over then). */
export function takeChunk(
  reader: SqliteLogReader,
  key: LogKey | undefined,
  plan: ChunkPlan,
  shared: Int32Array,
): LogChunk | undefined {
  if (Atomics.load(shared, 1) !== 0) return undefined;
  const index = Atomics.add(shared, 0, 1);
  if (index >= plan.count) return undefined;
  const chunk = checkChunk(reader, key, index, ...chunkBounds(plan, index));
  if (!chunk.clean) Atomics.store(shared, 1, 1);
  return chunk;
}

if (!isMainThread && (workerData as ChunkThreadData | undefined)?.role === CHUNK_THREAD_ROLE) {
  const { file, key, plan, shared } = workerData as ChunkThreadData;
  const reader = new SqliteLogReader(file);
  const logKey = key && { id: key.id, secret: Buffer.from(key.secret) };
  try {
    for (let chunk; (chunk = takeChunk(reader, logKey, plan, new Int32Array(shared)));)
      parentPort!.postMessage({ chunk } satisfies ChunkThreadMessage, [chunk.leaves.buffer as ArrayBuffer]);
  } finally {
    reader.close();
  }
  parentPort!.postMessage({ done: true } satisfies ChunkThreadMessage);
}
