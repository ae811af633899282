import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateEnvironment } from '@pdca/platform';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS script with no types to import
const { writeSigningKey } = require('../../infra/scripts/setup.js') as { writeSigningKey: () => void };

describe('npm run setup: the checkpoint signing key', () => {
  const home = process.cwd();
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pdca-setup-'));
    process.chdir(dir);
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => {
    process.chdir(home);
    rmSync(dir, { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  it('writes an owner-only Ed25519 key into data/ and names it in an existing .env, which then validates', () => {
    writeFileSync('.env', 'JWT_SECRET=' + 'x'.repeat(40));
    writeSigningKey();
    expect(statSync('data/transparency-signing-key.pem').mode & 0o777).toBe(0o600);
    const env = readFileSync('.env', 'utf8');
    expect(env).toBe(
      `JWT_SECRET=${'x'.repeat(40)}\nTRANSPARENCY_SIGNING_KEY_FILE=./data/transparency-signing-key.pem\n`,
    );
    expect(
      validateEnvironment({
        JWT_SECRET: 'x'.repeat(40),
        TRANSPARENCY_SIGNING_KEY_FILE: './data/transparency-signing-key.pem',
      }).TRANSPARENCY_SIGNING_KEY_FILE,
    ).toBeDefined();
  });

  it('running it again keeps the key (old checkpoints stay verifiable) and the .env', () => {
    writeFileSync('.env', 'JWT_SECRET=y\n');
    writeSigningKey();
    const [key, env] = [readFileSync('data/transparency-signing-key.pem', 'utf8'), readFileSync('.env', 'utf8')];
    writeSigningKey();
    expect(readFileSync('data/transparency-signing-key.pem', 'utf8')).toBe(key);
    expect(readFileSync('.env', 'utf8')).toBe(env);
  });
});
