import { LRUCache } from 'lru-cache';
import { idempotencyKeyReused as keyReused } from '@pdca/event-store';
import { conflict } from '@pdca/kernel';

export const keyInFlight = () =>
  conflict(
    'IDEMPOTENCY_KEY_IN_FLIGHT',
    '同じ Idempotency-Key の操作を処理中です。完了してから再送してください。',
    'A request with this Idempotency-Key is still being processed; retry once it has finished.',
    { field: 'Idempotency-Key' },
  );

/** How long a finished key stays bound to its fingerprint in memory (the draft suggests at least 24 h). */
const REMEMBER_MS = 24 * 3_600_000;
/** Fingerprints are ~45 bytes: 20,000 keys cost a few MB at most. */
const REMEMBER_KEYS = 20_000;

/**
 * The in-process half of the key rules. Durably, every event carries its request's fingerprint,
 * so a replay on the same stream compares it (handleCommand), across restarts and processes. Here:
 * a duplicate arriving while the first is still running (409), and a key reused on another
 * stream, which the stream alone cannot see (422; remembered for 24 h within this process).
 */
export class IdempotencyKeys {
  private readonly running = new Map<string, string>();
  private readonly finished = new LRUCache<string, string>({ max: REMEMBER_KEYS, ttl: REMEMBER_MS });

  async guard<T>(commandId: string, fingerprint: string, work: () => Promise<T>): Promise<T> {
    const running = this.running.get(commandId);
    if (running !== undefined) throw running === fingerprint ? keyInFlight() : keyReused();
    const finished = this.finished.get(commandId);
    if (finished !== undefined && finished !== fingerprint) throw keyReused();
    this.running.set(commandId, fingerprint);
    try {
      // Only a success binds the key: a refused request wrote nothing, so a corrected one may reuse it.
      const result = await work();
      this.finished.set(commandId, fingerprint);
      return result;
    } finally {
      this.running.delete(commandId);
    }
  }
}
