import Database from 'better-sqlite3';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { LogKey, SqliteLogReader } from '@pdca/event-store';
import { HASH_SIZE } from '../hashing';
import { MerkleTree } from '../merkle-tree';
import {
  ChunkPlan,
  chunkBounds,
  CHUNK_THREAD_ROLE,
  ChunkThreadData,
  ChunkThreadMessage,
  takeChunk,
} from './log-chunk-thread';
import { ChainSoFar, checkChunk, joined, LogChunk, stitches } from './log-chunks';
import { KEY_ROTATED } from './log-keys';
import { keysNamedBy, LogVerification, LogVerificationOptions, logVerdict, truncatedTail } from './log-verdict';
import { verifyLogFile } from './verify-log-file';

export interface LogThreading {
  /** Below this many positions one thread does it all: starting a second one costs more than it saves. */
  fromPositions: number;
  /** Positions per chunk: both threads take the next chunk from one counter, so a late or slow thread takes fewer. */
  chunkPositions: number;
  /** false: every chunk on this thread (what happens when the helper cannot start; tests cut small logs so). */
  helper: boolean;
  /**
   * true: this thread takes chunks beside one helper. false (the default): two helpers take them all and this
   * thread only stitches and builds the tree — a library cannot size this thread's young generation, and its
   * scavenges beside a busy helper doubled the CPU time (see ChunkHelper).
   */
  here: boolean;
}

export const LOG_THREADING: LogThreading = {
  fromPositions: 100_000,
  chunkPositions: 40_000,
  helper: true,
  here: false,
};

/**
 * `verifyLogFile` on two threads (issue 13: a million events in ≤ 10 s on two cores). The log is
 * cut into chunks of positions; this thread and a helper thread each take the next chunk, check
 * its links from a fresh start and hash its leaves; this thread puts the chunks back in order,
 * checks that each one stitches onto the ones before as the sequential pass would have gone on
 * (see `stitches`), and builds the tree. The result is then exactly the sequential pass's. When a
 * chunk is not clean or does not stitch, the sequential pass runs instead and names what it finds
 * (a tampered log verifies in about 1.5 times the time; an intact one in about half).
 */
export async function verifyLogFileOnTwoThreads(
  file: string,
  options: LogVerificationOptions,
  threading: LogThreading = LOG_THREADING,
): Promise<LogVerification> {
  const last = lastPosition(file);
  if (last < threading.fromPositions) return verifyLogFile(file, options);
  const plan: ChunkPlan = { size: threading.chunkPositions, count: Math.ceil(last / threading.chunkPositions) };
  const shared = new Int32Array(new SharedArrayBuffer(8));
  const chunks: Array<LogChunk | undefined> = [];
  const assembly = new Assembly(options.logKey);
  // When this thread takes no chunk, two helpers do: each with its own young generation (see ChunkHelper).
  const helpers = (threading.helper ? (threading.here ? [1] : [1, 2]) : []).map(
    () =>
      new ChunkHelper(
        { role: CHUNK_THREAD_ROLE, file, key: options.logKey, plan, shared: shared.buffer },
        (chunk) => (chunks[chunk.index] = chunk),
      ),
  );
  const running = () => helpers.some((helper) => !helper.finished);
  const reader = new SqliteLogReader(file);
  try {
    for (let chunk; threading.here && (chunk = takeChunk(reader, options.logKey, plan, shared));) {
      chunks[chunk.index] = chunk;
      assembly.take(chunks);
      await new Promise((resolve) => setImmediate(resolve)); // the helper's chunks arrive between ours
    }
    while (assembly.waiting(plan.count) && Atomics.load(shared, 1) === 0 && running()) {
      await Promise.race(helpers.filter((helper) => !helper.finished).map((helper) => helper.next()));
      assembly.take(chunks);
    }
    await Promise.all(helpers.map((helper) => helper.stop()));
    // Chunks the helper took but never returned (it failed to start or stopped): checked here.
    for (let index = 0; assembly.waiting(plan.count) && Atomics.load(shared, 1) === 0 && index < plan.count; index++)
      chunks[index] ??= checkChunk(reader, options.logKey, index, ...chunkBounds(plan, index));
    assembly.take(chunks);
    if (assembly.waiting(plan.count) || assembly.broken) return verifyLogFile(file, options);
    const rotated = assembly.rotations.flatMap((data) => keysNamedBy({ type: KEY_ROTATED, data }));
    return logVerdict(
      assembly.tree,
      assembly.legacy,
      truncatedTail(assembly.soFar.last?.position, reader.issuedPosition()),
      { ...options, keys: [...options.keys, ...rotated] },
      options.logKey !== undefined,
    );
  } finally {
    reader.close();
    await Promise.all(helpers.map((helper) => helper.stop()));
  }
}

/** The chunks put back in log order: stitched, their leaves appended to the tree, then let go. */
class Assembly {
  readonly tree = new MerkleTree();
  legacy = 0;
  readonly rotations: string[] = [];
  soFar: ChainSoFar = { chained: false, keyed: false };
  broken = false;
  private next = 0;

  constructor(private readonly key: LogKey | undefined) {}

  waiting(count: number): boolean {
    return !this.broken && this.next < count;
  }

  take(chunks: Array<LogChunk | undefined>): void {
    for (let chunk; !this.broken && (chunk = chunks[this.next]); chunks[this.next++] = undefined) {
      if (!chunk.clean || !stitches(this.soFar, chunk, this.key)) {
        this.broken = true;
        return;
      }
      const leaves = Buffer.from(chunk.leaves.buffer, chunk.leaves.byteOffset, chunk.leaves.byteLength);
      for (let offset = 0; offset < leaves.length; offset += HASH_SIZE)
        this.tree.append(leaves.subarray(offset, offset + HASH_SIZE));
      this.legacy += chunk.legacy;
      this.rotations.push(...chunk.rotations);
      this.soFar = joined(this.soFar, chunk);
    }
  }
}

/** The helper thread, as seen from here: its chunks as they come, and whether it has stopped. */
class ChunkHelper {
  finished = false;
  private readonly worker?: Worker;
  private wake?: () => void;

  constructor(data: ChunkThreadData | undefined, onChunk: (chunk: LogChunk) => void) {
    if (!data) {
      this.finished = true;
      return;
    }
    const script = join(__dirname, `log-chunk-thread${extname(__filename)}`);
    // Under the TypeScript runner (tests, the bench) the thread needs the same loader.
    const execArgv = extname(__filename) === '.ts' ? ['-r', '@swc-node/register'] : [];
    try {
      // A young generation of 64 MB: with the default (16 MB), the two threads' frequent scavenges (each
      // isolate's parallel GC tasks on the same two cores) doubled the CPU time of the whole verification.
      this.worker = new Worker(script, {
        workerData: data,
        execArgv,
        resourceLimits: { maxYoungGenerationSizeMb: 64 },
      });
    } catch {
      this.finished = true; // this thread checks every chunk
      return;
    }
    this.worker.on('message', (message: ChunkThreadMessage) => {
      if ('chunk' in message) onChunk(message.chunk);
      else this.finished = true;
      this.wake?.();
    });
    this.worker.on('error', () => undefined); // its chunks are checked here instead
    this.worker.once('exit', () => {
      this.finished = true;
      this.wake?.();
    });
  }

  /** Until the helper sends a chunk or stops. */
  next(): Promise<void> {
    return this.finished ? Promise.resolve() : new Promise((resolve) => (this.wake = resolve));
  }

  async stop(): Promise<void> {
    if (!this.finished) await this.worker?.terminate();
    this.finished = true;
  }
}

/** The last row's position (the primary key's end): how many chunks to cut. */
function lastPosition(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT max(position) AS last FROM events').get() as { last: number | null }).last ?? 0;
  } finally {
    db.close();
  }
}
