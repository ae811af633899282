/** How long a writer waits for another process's write transaction before it gives up (as busy_timeout did). */
const DEFAULT_DEADLINE_MS = 10_000;
/** The first wait and the longest: a group holds the lock for a few milliseconds. */
const FIRST_PAUSE_MS = 0.05;
const LONGEST_PAUSE_MS = 0.25;

const pauseCell = new Int32Array(new SharedArrayBuffer(4));

/** Blocks this thread for `ms` (fractions allowed): a wait between attempts at a lock another process holds. */
export const pauseThisThread = (ms: number): void => void Atomics.wait(pauseCell, 0, 0, ms);

const isBusy = (error: unknown) => (error as { code?: string }).code === 'SQLITE_BUSY';

/**
 * Runs `transaction` (one that begins with BEGIN IMMEDIATE, on a connection whose busy_timeout is 0)
 * and, while another process holds SQLite's write lock, tries again after a short, growing, jittered
 * pause, until `deadlineMs` has passed.
 *
 * Why not SQLite's own busy handler: it sleeps 1, 2, 5, 10, 15, 20, 25… ms between attempts, so a
 * writer that finds the lock taken for a 4 ms group commit wakes late, and one facing a busy
 * neighbour (a second API process, the reminder worker's ledger) keeps missing the moment it is free:
 * measured with two writers on one file, one committed a tenth of what the other did and waited up to
 * 1.7 s. Polling every 50–250 µs (a BEGIN IMMEDIATE that fails costs a lock attempt, no I/O) shared the
 * file evenly and kept the longest wait near the other's commit.
 *
 * Blocks its thread while it waits (Atomics.wait): meant for the writer threads, never the event loop.
 * Retrying is safe: a busy BEGIN has done nothing, and a transaction that failed later was rolled back.
 */
export function whenWriteLockFree<T>(transaction: () => T, deadlineMs = DEFAULT_DEADLINE_MS): T {
  const deadline = performance.now() + deadlineMs;
  for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
    try {
      return transaction();
    } catch (error) {
      if (!isBusy(error) || performance.now() >= deadline) throw error;
      // Jittered, so that two waiting writers do not keep trying in step.
      pauseThisThread(pause * (0.5 + Math.random()));
    }
  }
}
