import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyStore } from './key-store';

describe('KeyStore writes through its writer thread', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'keys-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const freshKeys = (n: number, prefix: string) =>
    Array.from({ length: n }, (_, i) => ({ kid: `${prefix}-${i}`, key: randomBytes(32) }));

  it('resolves every put of a burst once its keys are stored, each key byte for byte', async () => {
    const store = new KeyStore(join(dir, 'keys.db'));
    const puts = Array.from({ length: 50 }, (_, i) => freshKeys(2, `burst${i}`));
    await Promise.all(puts.map((keys) => store.put(keys)));
    for (const { kid, key } of puts.flat()) expect(store.keyOf(kid)?.equals(key)).toBe(true);
    store.close();
  });

  it('commits the keys still queued when it is closed', async () => {
    const file = join(dir, 'keys.db');
    const store = new KeyStore(file);
    const first = freshKeys(3, 'first');
    const queued = freshKeys(3, 'queued');
    const settled = Promise.all([store.put(first), store.put(queued)]);
    store.close();
    await settled;
    await new Promise((resolve) => setTimeout(resolve, 200)); // the thread closes its connection
    const reopened = new KeyStore(file);
    expect([...reopened.keysOf([...first, ...queued].map((k) => k.kid)).keys()].sort()).toEqual(
      [...first, ...queued].map((k) => k.kid).sort(),
    );
    reopened.close();
  });

  it('refuses a key id stored before (the batch fails, nothing is half stored)', async () => {
    const store = new KeyStore(join(dir, 'keys.db'));
    const [one] = freshKeys(1, 'dup');
    await store.put([one]);
    await expect(store.put([{ kid: 'other', key: randomBytes(32) }, one])).rejects.toThrow(/UNIQUE/);
    expect(store.keyOf('other')).toBeUndefined();
    store.close();
  });
});
