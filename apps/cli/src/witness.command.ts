import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  consistencyProofFromJson,
  cosign,
  cosignerOf,
  formatCosignerKey,
  formatVerifierKey,
  NoteVerifierKey,
  parseNote,
  verifyConsistency,
  verifySignedCheckpoint,
  WitnessFile,
} from '@pdca/transparency';
import { verifierKeysFrom } from './verifier-keys';

export const WITNESS_USAGE = `  pdca witness --log <service URL> --state <file> --witness-key <pem file> --name <witness name> [--log-key <key-or-file>]...
                                           fetch the public checkpoints, check each new one is consistent with the last kept,
                                           cosign it (C2SP cosignature/v1) and keep it (exit 0 kept, 1 inconsistent or unsigned);
                                           the log's keys are pinned in <state>.log-keys: --log-key adds one (after a rotation)`;

interface FeedItem {
  note: string;
  _checkpoint: { treeSize: number; rootHash: string };
}

/**
 * `pdca witness`: an outside party's copy of the log's history. Each run fetches the checkpoint
 * feed, takes the checkpoints larger than the last one it kept, checks the log's signature and a
 * consistency proof from the last kept one (the log only grew), cosigns and appends each to its
 * file. A log rewritten since, even by someone holding the signing key, cannot prove consistency
 * with what a witness kept; `pdca verify --against <file>` then names it. The log's keys are pinned
 * in `<state>.log-keys`: taken from the service's key list on a first run (trust on first use) or
 * given with --log-key, and kept. A key stays pinned once pinned, so checkpoints the witness kept
 * under a rotated-out key keep verifying; a checkpoint signed by a key not pinned (a rotation, or
 * someone else's key) is refused until the witness's operator pins the new key with --log-key.
 */
export async function witnessCommand(
  argv: string[],
  out: (line: string) => void,
  now: () => Date = () => new Date(),
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      log: { type: 'string' },
      state: { type: 'string' },
      'witness-key': { type: 'string' },
      name: { type: 'string' },
      'log-key': { type: 'string', multiple: true },
    },
  });
  if (!values.log || !values.state || !values['witness-key'] || !values.name) {
    out(`usage:\n${WITNESS_USAGE}`);
    return 2;
  }
  const base = values.log.replace(/\/+$/, '');
  const privateKey = witnessKey(values['witness-key'], out);
  const cosigner = cosignerOf(values.name, createPublicKey(privateKey));
  const file = new WitnessFile(values.state);
  const keys = await logKeys(base, values['log-key'] ?? [], file.path, out);
  const feed = (await getJson(`${base}/public/transparency/checkpoints`)) as { items: FeedItem[] };
  let last = file.latest();
  let kept = 0;
  for (const item of [...feed.items].sort((a, b) => a._checkpoint.treeSize - b._checkpoint.treeSize)) {
    const { treeSize, rootHash } = item._checkpoint;
    if (last && treeSize < last.treeSize) continue;
    const verdict = verifySignedCheckpoint(item.note, keys);
    if (!verdict.valid) {
      out(
        `NOT kept: the checkpoint of ${treeSize} events does not verify with a pinned log key (${file.path}.log-keys): ${verdict.problem.message.en}${await rotationHint(base, item.note, keys)}`,
      );
      return 1;
    }
    if (last && treeSize === last.treeSize) {
      if (rootHash === last.rootHash) continue;
      out(
        `NOT consistent: the log signed two different trees of ${treeSize} events (kept ${last.rootHash}, now ${rootHash})`,
      );
      return 1;
    }
    if (last && last.treeSize > 0) {
      const proof = consistencyProofFromJson(
        await getJson(`${base}/public/transparency/proofs/consistency?from=${last.treeSize}&to=${treeSize}`),
      );
      if (
        !proof ||
        !verifyConsistency(
          last.treeSize,
          treeSize,
          proof.hashes,
          Buffer.from(last.rootHash, 'base64'),
          verdict.checkpoint.rootHash,
        )
      ) {
        out(
          `NOT consistent: the log of ${treeSize} events does not extend the ${last.treeSize} this witness kept (history rewritten)`,
        );
        return 1;
      }
    }
    last = {
      note: cosign(item.note, cosigner, privateKey, now()),
      treeSize,
      rootHash,
      cosigner: formatCosignerKey(cosigner),
    };
    file.append(last);
    kept++;
  }
  out(
    `kept ${kept} new checkpoint(s); latest ${last ? `${last.treeSize} events ${last.rootHash}` : 'none'}; cosigner ${formatCosignerKey(cosigner)}`,
  );
  return 0;
}

/** The witness's own Ed25519 key: made on the first run (mode 0600), then always the same. */
function witnessKey(path: string, out: (line: string) => void): KeyObject {
  if (!existsSync(path)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(path, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
    out(`made a new witness key: ${path}`);
  }
  return createPrivateKey(readFileSync(path));
}

/**
 * The log keys this witness pins: those kept in `<state>.log-keys` plus any given with --log-key
 * (kept from then on), or, on a first run with neither, the service's list (trust on first use).
 * Later runs never take a key on the service's word.
 */
async function logKeys(
  base: string,
  given: string[],
  statePath: string,
  out: (line: string) => void,
): Promise<NoteVerifierKey[]> {
  const keptPath = `${statePath}.log-keys`;
  const kept = existsSync(keptPath) ? verifierKeysFrom(keptPath, 'the kept log keys') : [];
  let keys = [...kept, ...given.flatMap((key) => verifierKeysFrom(key, '--log-key'))];
  if (keys.length === 0) {
    keys = ((await getJson(`${base}/public/transparency/keys`)) as { keys: Array<{ verifierKey: string }> }).keys.map(
      (k) => verifierKeysFrom(k.verifierKey, "the log's key")[0],
    );
    out(`pinned the log's keys on first use: ${keptPath}`);
  }
  const texts = [...new Set(keys.map(formatVerifierKey))];
  if (texts.length > kept.length) writeFileSync(keptPath, `${texts.join('\n')}\n`);
  return keys;
}

/** Which key signed a refused checkpoint, and the key the service lists now: a hint, never trusted. */
async function rotationHint(base: string, note: string, pinned: NoteVerifierKey[]): Promise<string> {
  const signers = parseNote(note)?.signatures.map((s) => `${s.name}+${s.keyId.toString(16).padStart(8, '0')}`) ?? [];
  if (signers.length === 0) return '';
  const listed = await getJson(`${base}/public/transparency/keys`).catch(() => undefined);
  const current = (listed as { keys?: Array<{ verifierKey: string; current: boolean }> } | undefined)?.keys?.find(
    (k) => k.current && !pinned.some((p) => formatVerifierKey(p) === k.verifierKey),
  );
  return (
    `; signed by ${signers.join(', ')}` +
    (current
      ? `. The log lists ${current.verifierKey} as its key now: if its operator announced this rotation, run again with --log-key ${current.verifierKey}`
      : '')
  );
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}
