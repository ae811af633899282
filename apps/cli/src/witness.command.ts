import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  consistencyProofFromJson,
  cosign,
  cosignerOf,
  formatCosignerKey,
  NoteVerifierKey,
  parseVerifierKey,
  verifyConsistency,
  verifySignedCheckpoint,
  WitnessFile,
} from '@pdca/transparency';

export const WITNESS_USAGE = `  pdca witness --log <service URL> --state <file> --witness-key <pem file> --name <witness name> [--log-key <verifier key>]...
                                           fetch the public checkpoints, check each new one is consistent with the last kept,
                                           cosign it (C2SP cosignature/v1) and keep it (exit 0 kept, 1 inconsistent or unsigned)`;

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
 * with --log-key, or taken from the service's key list on a first run (trust on first use) and kept.
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
  const keys = await logKeys(base, values['log-key'] ?? [], file.path);
  const feed = (await getJson(`${base}/public/transparency/checkpoints`)) as { items: FeedItem[] };
  let last = file.latest();
  let kept = 0;
  for (const item of [...feed.items].sort((a, b) => a._checkpoint.treeSize - b._checkpoint.treeSize)) {
    const { treeSize, rootHash } = item._checkpoint;
    if (last && treeSize < last.treeSize) continue;
    const verdict = verifySignedCheckpoint(item.note, keys);
    if (!verdict.valid) {
      out(
        `NOT kept: the checkpoint of ${treeSize} events does not verify with the log's key: ${verdict.problem.message.en}`,
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

/** Pinned keys, else the service's list kept beside the state file (first use), so later runs do not take new keys on its word. */
async function logKeys(base: string, pinned: string[], statePath: string): Promise<NoteVerifierKey[]> {
  const keptPath = `${statePath}.log-keys`;
  let texts = pinned;
  if (texts.length === 0 && existsSync(keptPath)) texts = readFileSync(keptPath, 'utf8').split('\n').filter(Boolean);
  if (texts.length === 0) {
    texts = ((await getJson(`${base}/public/transparency/keys`)) as { keys: Array<{ verifierKey: string }> }).keys.map(
      (k) => k.verifierKey,
    );
    writeFileSync(keptPath, `${texts.join('\n')}\n`);
  }
  return texts.map((text) => {
    const key = parseVerifierKey(text);
    if (!key) throw new Error(`not a verifier key: ${text}`);
    return key;
  });
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}
