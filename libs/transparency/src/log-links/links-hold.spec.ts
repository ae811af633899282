import { generateKeyPairSync } from 'node:crypto';
import { linkHash, logKeyFromSigningKey } from '@pdca/event-store';
import { sha256 } from '../hashing';
import { firstBrokenLink } from './links-hold';

const key = logKeyFromSigningKey(generateKeyPairSync('ed25519').privateKey);
const positions = [120, 300, 470, 800];
const leaves = positions.map((p) => sha256(Buffer.from(`event at ${p}`)));
const links = positions.reduce<Array<{ position: number; link: string }>>(
  (made, position, i) => [...made, { position, link: linkHash(key, made[i - 1]?.link ?? '', leaves[i]) }],
  [],
);
const log = (changed?: number) => ({
  positions,
  leaf: (i: number) => (i === changed ? sha256(Buffer.from('changed')) : leaves[i]),
});

describe('the links the signer checks before a checkpoint on EventStoreDB', () => {
  it('given every event since the checkpoint making its link, then nothing is wrong', () => {
    expect(firstBrokenLink(key, links, log(), 0)).toBeUndefined();
    expect(firstBrokenLink(key, links.slice(1), log(), 2)).toBeUndefined();
  });

  it('given an event changed after linking, then it is named', () => {
    expect(firstBrokenLink(key, links.slice(1), log(3), 2)).toBe(
      'the event at position 800 no longer matches its link',
    );
  });

  it('given a linked event gone, or one never linked among linked ones, then it is named', () => {
    const without470 = { positions: [120, 300, 800], leaf: (i: number) => [leaves[0], leaves[1], leaves[3]][i] };
    expect(firstBrokenLink(key, links.slice(1), without470, 2)).toBe('the event linked at position 470 is gone');
    const unlinked = [links[0], links[1], links[3]];
    expect(firstBrokenLink(key, unlinked, log(), 0)).toBe('the event at position 470 was never linked');
  });

  it('given events after the last link, then they are left to the linker', () => {
    expect(firstBrokenLink(key, links.slice(0, 2), log(3), 0)).toBeUndefined();
  });
});
