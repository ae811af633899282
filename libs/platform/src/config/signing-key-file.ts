import { createPrivateKey, KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The transparency log's signing key: a PEM (PKCS#8) Ed25519 private key in a file named by
 * TRANSPARENCY_SIGNING_KEY_FILE. It lives outside the event store on purpose: write access to the
 * database alone must not be enough to sign a checkpoint.
 */
export function readSigningKeyFile(path: string): KeyObject {
  const key = createPrivateKey(readFileSync(path));
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(`it holds a ${key.asymmetricKeyType ?? 'unknown'} key, not Ed25519`);
  return key;
}

export function signingKeyFileProblem(path: string): string | undefined {
  try {
    readSigningKeyFile(path);
    return undefined;
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : (error as Error).message;
    return `must name a readable PEM Ed25519 private key (run \`npm run setup\` to generate one): ${reason} (got ${JSON.stringify(path)})`;
  }
}
