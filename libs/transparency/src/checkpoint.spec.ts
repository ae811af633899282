import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { formatCheckpoint, parseCheckpoint } from './checkpoint';
import { leafHash } from './hashing';
import { MerkleTree } from './merkle-tree';
import {
  ed25519Signer,
  formatVerifierKey,
  parseNote,
  parseVerifierKey,
  signNote,
  verifierKeyOf,
  verifySignature,
} from './signed-note';
import { verifySignedCheckpoint, verifyTransparency } from './verifier';

const ORIGIN = 'pdca.city.example.jp/transparency';
const keyPair = () => generateKeyPairSync('ed25519');
const { privateKey, publicKey } = keyPair();
const signer = ed25519Signer(ORIGIN, privateKey);
const verifier = verifierKeyOf(ORIGIN, publicKey);

const treeOf = (count: number) => {
  const tree = new MerkleTree();
  for (let i = 0; i < count; i++) tree.append(leafHash(Buffer.from(`event ${i}`)));
  return tree;
};
const signedAt = (tree: MerkleTree, size: number, time = '2026-12-06T10:00:00Z') =>
  signNote(formatCheckpoint({ origin: ORIGIN, treeSize: size, rootHash: tree.root(size), time }), [signer]);

describe('checkpoints (C2SP signed note)', () => {
  it('round-trips origin, size, root and time through the text format', () => {
    const checkpoint = { origin: ORIGIN, treeSize: 5, rootHash: treeOf(5).root(), time: '2026-12-06T10:00:00.000Z' };
    const text = formatCheckpoint(checkpoint);
    expect(text).toBe(`${ORIGIN}\n5\n${checkpoint.rootHash.toString('base64')}\ntime 2026-12-06T10:00:00.000Z\n`);
    expect(parseCheckpoint(text)).toEqual(checkpoint);
  });

  it('signs as `— <name> <base64(key ID || signature)>` after a blank line', () => {
    const note = signedAt(treeOf(3), 3);
    const [text, signatureLine] = note.split('\n\n');
    expect(signatureLine).toMatch(new RegExp(`^\u2014 ${ORIGIN} [A-Za-z0-9+/]{91}=\n$`));
    const bytes = Buffer.from(signatureLine.trim().split(' ')[2], 'base64');
    expect(bytes.readUInt32BE(0)).toBe(signer.keyId);
    expect(parseNote(note)?.text).toBe(`${text}\n`);
  });

  it('verifies with the public key and reads the checkpoint back', () => {
    const verdict = verifySignedCheckpoint(signedAt(treeOf(3), 3), [verifier], ORIGIN);
    expect(verdict).toMatchObject({ valid: true, checkpoint: { origin: ORIGIN, treeSize: 3 } });
  });

  it('a tampered root, size or time does not verify (BAD_SIGNATURE)', () => {
    const tree = treeOf(4);
    const note = signedAt(tree, 3);
    const otherRoot = note.replace(tree.root(3).toString('base64'), tree.root(4).toString('base64'));
    const otherSize = note.replace(`${ORIGIN}\n3\n`, `${ORIGIN}\n4\n`);
    const otherTime = note.replace('10:00:00Z', '11:00:00Z');
    for (const tampered of [otherRoot, otherSize, otherTime]) {
      expect(tampered).not.toBe(note);
      expect(verifySignedCheckpoint(tampered, [verifier])).toMatchObject({
        valid: false,
        problem: { code: 'BAD_SIGNATURE' },
      });
    }
  });

  it('a checkpoint signed by another key, or a key swapped under the same name, is not accepted', () => {
    const intruder = ed25519Signer(ORIGIN, keyPair().privateKey);
    const forged = signNote(formatCheckpoint({ origin: ORIGIN, treeSize: 1, rootHash: treeOf(1).root() }), [intruder]);
    expect(verifySignedCheckpoint(forged, [verifier])).toMatchObject({
      valid: false,
      problem: { code: 'NO_KNOWN_SIGNATURE' },
    });
  });

  it('names a note that is not a checkpoint, and a checkpoint of another log', () => {
    expect(verifySignedCheckpoint('hello\n', [verifier])).toMatchObject({
      valid: false,
      problem: { code: 'MALFORMED_NOTE' },
    });
    const notACheckpoint = signNote('hello\nworld\n', [signer]);
    expect(verifySignedCheckpoint(notACheckpoint, [verifier])).toMatchObject({
      valid: false,
      problem: { code: 'MALFORMED_CHECKPOINT' },
    });
    expect(verifySignedCheckpoint(signedAt(treeOf(1), 1), [verifier], 'other.example/log')).toMatchObject({
      valid: false,
      problem: { code: 'WRONG_ORIGIN' },
    });
  });

  it('verifier keys round-trip through their text form (name+id+key) and a wrong id is refused', () => {
    const text = formatVerifierKey(verifier);
    expect(text).toMatch(new RegExp(`^${ORIGIN}\\+[0-9a-f]{8}\\+[A-Za-z0-9+/]{44}$`));
    const parsed = parseVerifierKey(text)!;
    expect(parsed.keyId).toBe(verifier.keyId);
    expect(verifySignedCheckpoint(signedAt(treeOf(2), 2), [parsed]).valid).toBe(true);
    expect(parseVerifierKey(text.replace(/\+[0-9a-f]{8}\+/, '+00000000+'))).toBeUndefined();
  });
});

describe('the standalone verifier', () => {
  const tree = treeOf(9);
  const older = signedAt(tree, 5);
  const newer = signedAt(tree, 9);

  it('accepts an inclusion proof against the checkpoint it was made for, and names a wrong leaf', () => {
    const inclusion = { leafIndex: 2, treeSize: 9, leafHash: tree.leaf(2), hashes: tree.inclusionProof(2, 9) };
    expect(verifyTransparency({ keys: [verifier], checkpoint: newer, inclusion }).valid).toBe(true);
    const altered = { ...inclusion, leafHash: leafHash(Buffer.from('event 2, altered')) };
    expect(verifyTransparency({ keys: [verifier], checkpoint: newer, inclusion: altered })).toMatchObject({
      valid: false,
      problem: { code: 'NOT_INCLUDED' },
    });
    expect(verifyTransparency({ keys: [verifier], checkpoint: older, inclusion })).toMatchObject({
      valid: false,
      problem: { code: 'INCLUSION_PROOF_FOR_OTHER_TREE' },
    });
  });

  it('accepts a consistency proof between two signed checkpoints, and names each way it can fail', () => {
    const proof = { fromSize: 5, toSize: 9, hashes: tree.consistencyProof(5, 9) };
    expect(verifyTransparency({ keys: [verifier], checkpoint: newer, consistency: { older, proof } }).valid).toBe(true);

    const rewritten = new MerkleTree();
    for (let i = 0; i < 9; i++) rewritten.append(leafHash(Buffer.from(i === 1 ? 'event 1, rewritten' : `event ${i}`)));
    const rewrittenNewer = signedAt(rewritten, 9);
    const rewrittenProof = { fromSize: 5, toSize: 9, hashes: rewritten.consistencyProof(5, 9) };
    expect(
      verifyTransparency({
        keys: [verifier],
        checkpoint: rewrittenNewer,
        consistency: { older, proof: rewrittenProof },
      }),
    ).toMatchObject({ valid: false, problem: { code: 'NOT_A_PREFIX' } });
    expect(
      verifyTransparency({
        keys: [verifier],
        checkpoint: signedAt(rewritten, 5),
        consistency: { older, proof: { fromSize: 5, toSize: 5, hashes: [] } },
      }),
    ).toMatchObject({ valid: false, problem: { code: 'ROOT_CHANGED_AT_SAME_SIZE' } });
    expect(
      verifyTransparency({ keys: [verifier], checkpoint: signedAt(tree, 4), consistency: { older, proof } }),
    ).toMatchObject({ valid: false, problem: { code: 'LOG_SHRANK' } });
    expect(
      verifyTransparency({
        keys: [verifier],
        checkpoint: newer,
        consistency: { older, proof: { ...proof, fromSize: 4 } },
      }),
    ).toMatchObject({ valid: false, problem: { code: 'CONSISTENCY_PROOF_FOR_OTHER_TREES' } });
    expect(
      verifyTransparency({
        keys: [verifier],
        checkpoint: newer,
        consistency: { older: older.replace('\n5\n', '\n6\n'), proof },
      }),
    ).toMatchObject({
      valid: false,
      problem: { code: 'BAD_SIGNATURE', message: { en: expect.stringMatching(/^older checkpoint: /) } },
    });
  });
});

// The example of golang.org/x/mod/sumdb/note (note.go, note_test.go): Ed25519 signatures are
// deterministic, so the same seed and text must give the same note byte for byte.
describe('interoperability with Go’s signed notes', () => {
  const GO_VERIFIER_KEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
  const GO_SEED = Buffer.from('AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz', 'base64').subarray(1);
  const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
  const GO_NOTE = `${TEXT}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

  it('reads Go’s verifier key (its key ID is ours) and verifies Go’s note', () => {
    const key = parseVerifierKey(GO_VERIFIER_KEY)!;
    expect(key.keyId.toString(16)).toBe('c74f20a3');
    const note = parseNote(GO_NOTE)!;
    expect(note.text).toBe(TEXT);
    expect(note.signatures.every((s) => verifySignature(note.text, s, key))).toBe(true);
  });

  it('signs the same text with the same seed into exactly Go’s note', () => {
    const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), GO_SEED]);
    const goKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
    expect(signNote(TEXT, [ed25519Signer('PeterNeumann', goKey)])).toBe(GO_NOTE);
  });

  it('reads a verifier key whose base64 holds a "+" (transparency-dev/formats)', () => {
    expect(parseVerifierKey('TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6')?.keyId.toString(16)).toBe(
      '7997405c',
    );
  });
});
