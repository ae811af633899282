import { DomainError } from '@pdca/kernel';
import { IdempotencyKeys } from './idempotency-keys';
import { requestFingerprint } from './request-fingerprint';

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('Idempotency-Key rules in the API process', () => {
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

describe('requestFingerprint', () => {
  const request = (body: unknown, url = '/wards/nerima/cycles/2022/projects/P1/submission', method = 'POST') => ({ method, url, originalUrl: url, body });

  it('ignores key order and the query, and tells endpoints and bodies apart', () => {
    const a = requestFingerprint(request({ actual: { text: '9所' }, rating: { grade: 'A', scheme: 'nerima' } }));
    expect(requestFingerprint(request({ rating: { scheme: 'nerima', grade: 'A' }, actual: { text: '9所' } }))).toBe(a);
    expect(requestFingerprint(request({ actual: { text: '9所' }, rating: { grade: 'A', scheme: 'nerima' } }, '/wards/nerima/cycles/2022/projects/P1/submission?x=1'))).toBe(a);
    expect(requestFingerprint(request({ actual: { text: '10所' }, rating: { grade: 'A', scheme: 'nerima' } }))).not.toBe(a);
    expect(requestFingerprint(request({ actual: { text: '9所' }, rating: { grade: 'A', scheme: 'nerima' } }, '/wards/nerima/cycles/2022/projects/P1/withdrawal'))).not.toBe(a);
    expect(requestFingerprint(request({ actual: { text: '9所' }, rating: { grade: 'A', scheme: 'nerima' } }, undefined, 'PUT'))).not.toBe(a);
  });

  it('counts uploaded files by their bytes', () => {
    const upload = (bytes: string) => ({ ...request({}), files: [{ fieldname: 'files', originalname: 'a.csv', buffer: Buffer.from(bytes) }] });
    expect(requestFingerprint(upload('x'))).toBe(requestFingerprint(upload('x')));
    expect(requestFingerprint(upload('x'))).not.toBe(requestFingerprint(upload('y')));
  });
});
