import { DomainError } from '@pdca/kernel';
import { IdempotencyKeys } from './idempotency-keys';

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('Idempotency-Key rules in one process', () => {
  it('a duplicate while the first runs is IN_FLIGHT; another body then is REUSED', async () => {
    const keys = new IdempotencyKeys();
    let finish!: () => void;
    const first = keys.guard('u/k', 'A', () => new Promise<void>((resolve) => (finish = resolve)));
    expect(await codeOf(keys.guard('u/k', 'A', async () => undefined))).toBe('IDEMPOTENCY_KEY_IN_FLIGHT');
    expect(await codeOf(keys.guard('u/k', 'B', async () => undefined))).toBe('IDEMPOTENCY_KEY_REUSED');
    finish();
    await first;
  });

  it('after success the key stays bound to its fingerprint; the same request runs (and replays below)', async () => {
    const keys = new IdempotencyKeys();
    await keys.guard('u/k', 'A', async () => undefined);
    expect(await codeOf(keys.guard('u/k', 'B', async () => undefined))).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await codeOf(keys.guard('u/k', 'A', async () => undefined))).toBe('ok');
  });

  it('a request that failed binds nothing: the corrected request may use the same key', async () => {
    const keys = new IdempotencyKeys();
    await expect(keys.guard('u/k', 'A', async () => Promise.reject(new Error('rule')))).rejects.toThrow('rule');
    expect(await codeOf(keys.guard('u/k', 'B', async () => undefined))).toBe('ok');
  });
});
