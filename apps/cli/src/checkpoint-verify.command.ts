import type { RecordedEvent } from '@pdca/event-store';
import {
  CheckpointVerdict,
  consistencyProofFromJson,
  eventLeafHash,
  inclusionProofFromJson,
  VerificationRequest,
  verifyTransparency,
} from '@pdca/transparency';
import { read, UsageError, verifierKeysFrom } from './verifier-keys';

/** The options `pdca checkpoint-verify` adds to the CLI's parser. */
export const CHECKPOINT_VERIFY_OPTIONS = {
  key: { type: 'string', multiple: true },
  origin: { type: 'string' },
  older: { type: 'string' },
  consistency: { type: 'string' },
  inclusion: { type: 'string' },
  event: { type: 'string' },
} as const;

export interface CheckpointVerifyArgs {
  checkpoint?: string;
  key?: string[];
  origin?: string;
  older?: string;
  consistency?: string;
  inclusion?: string;
  event?: string;
  json: boolean;
}

/**
 * Checks kept checkpoints and proofs with nothing but the public keys: no database, no network.
 * Exit 0 valid, 1 the verifier found something wrong (named), 2 the input could not be read.
 */
export function checkpointVerifyCommand(args: CheckpointVerifyArgs, out: (line: string) => void): number {
  let verdict: CheckpointVerdict;
  try {
    verdict = verifyTransparency(requestFrom(args));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    out(`cannot verify: ${error.message}`);
    return 2;
  }
  if (args.json)
    out(
      JSON.stringify(
        verdict.valid
          ? {
              valid: true,
              checkpoint: { ...verdict.checkpoint, rootHash: verdict.checkpoint.rootHash.toString('base64') },
            }
          : verdict,
        null,
        2,
      ),
    );
  else out(describe(verdict, args));
  return verdict.valid ? 0 : 1;
}

function requestFrom(args: CheckpointVerifyArgs): VerificationRequest {
  if (!args.checkpoint)
    throw new UsageError('name the checkpoint file: pdca checkpoint-verify <checkpoint-file> --key <key>');
  if (!args.key?.length)
    throw new UsageError(
      '--key is required (a verifier key, a file of them, or the JSON of GET /public/transparency/keys)',
    );
  if ((args.older === undefined) !== (args.consistency === undefined))
    throw new UsageError('--older and --consistency go together');
  if (args.event !== undefined && args.inclusion === undefined) throw new UsageError('--event needs --inclusion');
  const request: VerificationRequest = {
    keys: args.key.flatMap((key) => verifierKeysFrom(key, '--key')),
    checkpoint: read(args.checkpoint),
    origin: args.origin,
  };
  if (args.inclusion) {
    const proof = inclusionProofFromJson(readJson(args.inclusion));
    if (!proof)
      throw new UsageError(`${args.inclusion} is not an inclusion proof (leafIndex, treeSize, leafHash, hashes)`);
    // The proof's leaf hash is the server's word; an event the verifier holds speaks for itself.
    request.inclusion = args.event
      ? { ...proof, leafHash: eventLeafHash(readJson(args.event) as RecordedEvent) }
      : proof;
  }
  if (args.older && args.consistency) {
    const proof = consistencyProofFromJson(readJson(args.consistency));
    if (!proof) throw new UsageError(`${args.consistency} is not a consistency proof (fromSize, toSize, hashes)`);
    request.consistency = { older: read(args.older), proof };
  }
  return request;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(read(path));
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError(`${path}: not JSON (${(error as Error).message})`);
  }
}

function describe(verdict: CheckpointVerdict, args: CheckpointVerifyArgs): string {
  if (!verdict.valid)
    return `INVALID ${verdict.problem.code} — ${verdict.problem.message.ja}\n  ${verdict.problem.message.en}`;
  const { origin, treeSize, rootHash, time } = verdict.checkpoint;
  return [
    `valid — 署名を確認しました: ${origin}, ${treeSize} entries, root ${rootHash.toString('base64')}${time ? `, signed ${time}` : ''}`,
    ...(args.inclusion ? [`  inclusion: the ${args.event ? 'given event' : 'leaf'} is in this log`] : []),
    ...(args.older ? ["  consistency: the older checkpoint's log is a prefix of this one"] : []),
  ].join('\n');
}
