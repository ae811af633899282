import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyStore } from './key-store';
import { openText } from './sealed-text';

describe('KeyStore seals with keys its writer thread committed ahead of need', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'keys-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const texts = (n: number, prefix: string) =>
    Array.from({ length: n }, (_, i) => ({ text: `${prefix} 備考 ${i}`, where: `${prefix}-event-${i}:note` }));

  it('answers every seal of a burst with envelopes whose stored keys open them, each with a key of its own', async () => {
    const store = new KeyStore(join(dir, 'keys.db'));
    const burst = Array.from({ length: 50 }, (_, i) => texts(2, `burst${i}`));
    const sealed = await Promise.all(burst.map((batch) => store.seal(batch)));
    burst.forEach((batch, b) =>
      batch.forEach(({ text, where }, i) => {
        const envelope = sealed[b][i];
        expect(JSON.stringify(envelope)).not.toContain(text);
        expect(openText(envelope, store.keyOf(envelope.kid), where)).toBe(text);
      }),
    );
    expect(new Set(sealed.flat().map((envelope) => envelope.kid)).size).toBe(100);
    store.close();
  });

  it('gives each text a nonce of its own that is no part of any key, across refills of the pool', async () => {
    const store = new KeyStore(join(dir, 'keys.db'));
    const sealed = (await Promise.all(Array.from({ length: 300 }, (_, i) => store.seal(texts(1, `nonce${i}`))))).flat();
    const keys = store.keysOf(sealed.map((envelope) => envelope.kid));
    const nonces = sealed.map((envelope) => Buffer.from(envelope.iv, 'base64'));
    nonces.forEach((nonce) => expect(nonce).toHaveLength(12));
    expect(new Set(nonces.map((nonce) => nonce.toString('hex'))).size).toBe(300);
    const allKeyBytes = Buffer.concat([...keys.values()]);
    expect(keys.size).toBe(300);
    nonces.forEach((nonce) => expect(allKeyBytes.includes(nonce)).toBe(false));
    store.close();
  });

  it('commits the keys of seals still queued when it is closed', async () => {
    const file = join(dir, 'keys.db');
    const store = new KeyStore(file);
    const settled = Promise.all([store.seal(texts(3, 'first')), store.seal(texts(3, 'queued'))]);
    const closed = store.closeAfterWrites();
    const kids = (await settled).flat().map((envelope) => envelope.kid);
    await closed;
    expect(existsSync(`${file}-wal`)).toBe(false); // the last connection is closed: the WAL went into the file
    const reopened = new KeyStore(file);
    expect([...reopened.keysOf(kids).keys()].sort()).toEqual([...kids].sort());
    reopened.close();
  });

  it('seals only with keys that another connection already reads from the file', async () => {
    const file = join(dir, 'keys.db');
    const store = new KeyStore(file);
    const other = new Database(file, { readonly: true });
    const stored = other.prepare('SELECT count(*) FROM personal_keys WHERE kid = ?').pluck();
    for (let round = 0; round < 300; round++) {
      const [envelope] = await store.seal(texts(1, `round${round}`));
      expect(stored.get(envelope.kid)).toBe(1);
    }
    other.close();
    store.close();
  });

  it('answers a seal larger than its pool, and closing deletes the keys it never handed out', async () => {
    const file = join(dir, 'keys.db');
    const store = new KeyStore(file);
    const large = texts(700, 'large');
    const sealed = await store.seal(large);
    const [one] = await store.seal(texts(1, 'one'));
    expect(new Set([...sealed, one].map((envelope) => envelope.kid)).size).toBe(701);
    large.forEach(({ text, where }, i) => expect(openText(sealed[i], store.keyOf(sealed[i].kid), where)).toBe(text));
    await store.closeAfterWrites();
    const reopened = new Database(file, { readonly: true });
    expect(reopened.prepare('SELECT count(*) FROM personal_keys').pluck().get()).toBe(701);
    reopened.close();
  });

  it('refuses to seal after it was closed', async () => {
    const store = new KeyStore(join(dir, 'keys.db'));
    await store.seal(texts(1, 'open'));
    store.close();
    await expect(store.seal(texts(1, 'late'))).rejects.toThrow(/closed/);
  });
});
