import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, validateEnvironment } from './environment';

describe('TRANSPARENCY_SIGNING_KEY_FILE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdca-signing-key-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const base = { JWT_SECRET: 's'.repeat(40) };
  const pem = (type: 'ed25519' | 'rsa') => {
    const pair = type === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 1024 }) : generateKeyPairSync('ed25519');
    return pair.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
  };
  const problemsFor = (file: string) => {
    try {
      validateEnvironment({ ...base, TRANSPARENCY_SIGNING_KEY_FILE: file });
      return [];
    } catch (error) {
      return (error as ConfigurationError).problems;
    }
  };

  it('is optional (the checkpoint endpoints then answer 503)', () => {
    expect(validateEnvironment(base).TRANSPARENCY_SIGNING_KEY_FILE).toBeUndefined();
    expect(
      validateEnvironment({ ...base, TRANSPARENCY_SIGNING_KEY_FILE: '' }).TRANSPARENCY_SIGNING_KEY_FILE,
    ).toBeUndefined();
  });

  it('takes a PEM Ed25519 private key', () => {
    writeFileSync(join(dir, 'good.pem'), pem('ed25519'));
    expect(problemsFor(join(dir, 'good.pem'))).toEqual([]);
  });

  it('names a missing file, a key of another kind and a file that is no key, without printing the file', () => {
    writeFileSync(join(dir, 'rsa.pem'), pem('rsa'));
    writeFileSync(join(dir, 'junk.pem'), 'not a key');
    expect(problemsFor(join(dir, 'missing.pem'))).toEqual([
      expect.stringMatching(
        /^TRANSPARENCY_SIGNING_KEY_FILE: must name a readable PEM Ed25519 private key .*the file does not exist/,
      ),
    ]);
    expect(problemsFor(join(dir, 'rsa.pem'))).toEqual([expect.stringMatching(/holds a rsa key, not Ed25519/)]);
    const [junk] = problemsFor(join(dir, 'junk.pem'));
    expect(junk).toMatch(/^TRANSPARENCY_SIGNING_KEY_FILE: must name/);
    expect(junk).not.toContain('not a key');
  });
});
