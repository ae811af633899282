import { existsSync, readFileSync } from 'node:fs';
import { NoteVerifierKey, parseVerifierKey } from '@pdca/transparency';

/** An argument the command cannot use (exit 2, named): not a failed verification. */
export class UsageError extends Error {}

/**
 * The verifier keys one `--key`/`--log-key` argument names: the key itself (name+id+base64), a
 * file of them (one a line, `#` comments; e.g. a witness's `<state>.log-keys`), or the JSON of
 * GET /public/transparency/keys.
 */
export function verifierKeysFrom(argument: string, option: string): NoteVerifierKey[] {
  const text = existsSync(argument) ? read(argument) : argument;
  const candidates = text.trimStart().startsWith('{')
    ? ((JSON.parse(text) as { keys?: Array<{ verifierKey?: string }> }).keys ?? []).map((k) => k.verifierKey ?? '')
    : text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
  const keys = candidates.map((candidate) => parseVerifierKey(candidate));
  if (keys.length === 0 || keys.some((k) => k === undefined))
    throw new UsageError(
      `${option} ${argument}: not a verifier key (name+id+base64), a file of them, or the keys JSON`,
    );
  return keys as NoteVerifierKey[];
}

export function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${path}: ${(error as Error).message}`);
  }
}
