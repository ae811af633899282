import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');

function startApi(env: Record<string, string>) {
  return spawnSync(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('start-up with a bad configuration', () => {
  it('stops with exit code 78 and a message naming each wrong variable, without a stack trace', () => {
    const result = startApi({
      PORT: 'eighty',
      API_PROCESSES: 'abc',
      EVENTSTORE_URL: 'http://localhost:2113',
      JWT_SECRET: 'short',
    });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('  - PORT: PORT must be an integer from 0 to 65535 (got "eighty")');
    expect(result.stderr).toContain('  - API_PROCESSES: API_PROCESSES must be an integer from 1 to 64 (got "abc")');
    expect(result.stderr).toMatch(/EVENTSTORE_URL must be an esdb:\/\/ connection string/);
    expect(result.stderr).toMatch(/JWT_SECRET must be at least 32 characters/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
