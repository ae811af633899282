import { LRUCache } from 'lru-cache';
import { conflict, ruleViolation } from '@pdca/kernel';

/** 422, per the IETF Idempotency-Key draft: the key was used before for another endpoint, body or item. */
export const idempotencyKeyReused = () =>
  ruleViolation(
    'IDEMPOTENCY_KEY_REUSED',
    'この Idempotency-Key は別の内容または別の操作で使用済みです。新しい操作には新しいキーを指定してください。',
    'This Idempotency-Key was already used for a different request (another body or endpoint); use a new key for a new request.',
    { field: 'Idempotency-Key' },
  );

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
 * The in-process half of the key rules: a duplicate arriving while the first is still running
 * (409), and a key reused on another endpoint or body, answered from memory (422, 24 h). The
 * durable half is in the store and holds across processes and restarts (see handleCommand): every
 * event carries its request's fingerprint, and the first event of a keyed command has an id derived
 * from the key alone, so the store refuses the key on any other stream.
 */
export class IdempotencyKeys {
  private readonly running = new Map<string, string>();
  private readonly finished = new LRUCache<string, string>({ max: REMEMBER_KEYS, ttl: REMEMBER_MS });

  async guard<T>(commandId: string, fingerprint: string, work: () => Promise<T>): Promise<T> {
    const running = this.running.get(commandId);
    if (running !== undefined) throw running === fingerprint ? keyInFlight() : idempotencyKeyReused();
    const finished = this.finished.get(commandId);
    if (finished !== undefined && finished !== fingerprint) throw idempotencyKeyReused();
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
