import { createHmac, generateKeyPairSync } from 'node:crypto';
import { linkHash, linkTag, logEntry, logKeyFromSigningKey, logLeaf } from './log-chain';

const entryText = logEntry({
  stream: 'cycle-nerima-2022',
  revision: 0,
  position: 7,
  id: 'e1',
  type: 'CycleOpened',
  data: '{"a":1}',
  metadata: '{"actor":"x"}',
});
const entry = logLeaf(entryText);
const changed = (from: string, to: string) => logLeaf(entryText.replace(from, to));

describe('log chain links', () => {
  it('given a key, when linking, then the link names the key and changes with the previous link, the position and any byte', () => {
    const key = logKeyFromSigningKey(generateKeyPairSync('ed25519').privateKey);
    const link = linkHash(key, '', entry);
    expect(linkTag(link)).toBe(`k${key.id}`);
    expect(linkHash(key, 'h:x', entry)).not.toBe(link);
    expect(linkHash(key, '', changed('7', '8'))).not.toBe(link);
    expect(linkHash(key, '', changed('"a":1', '"a":2'))).not.toBe(link);
  });

  it('given two signing keys, then their log keys and links differ, and an unkeyed link is tagged h', () => {
    const a = logKeyFromSigningKey(generateKeyPairSync('ed25519').privateKey);
    const b = logKeyFromSigningKey(generateKeyPairSync('ed25519').privateKey);
    expect(a.id).not.toBe(b.id);
    expect(linkHash(a, '', entry)).not.toBe(linkHash(b, '', entry));
    expect(linkTag(linkHash(undefined, '', entry))).toBe('h');
  });
});

describe('the link MAC', () => {
  it('given a key, when linking, then the link is the RFC 2104 HMAC-SHA-256 node:crypto computes, for short and long previous links', () => {
    const key = logKeyFromSigningKey(generateKeyPairSync('ed25519').privateKey);
    for (const previous of ['', `k${key.id}:${'x'.repeat(44)}`, 'é'.repeat(300)]) {
      const header = `k${key.id}\n${previous}\n`;
      const expected = createHmac('sha256', key.secret).update(header).update(entry).digest('base64');
      expect(linkHash(key, previous, entry)).toBe(`k${key.id}:${expected}`);
    }
  });
});
