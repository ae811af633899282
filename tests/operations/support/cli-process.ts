import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The compiled CLI that `npm run cli` runs (`nest build cli`), for the bench; the tests run the sources. */
export const BUILT_CLI = 'dist/apps/cli/apps/cli/src/main.js';

/** `npm run cli -- …` from the TypeScript sources (or the build), in its own process as an operator runs it. */
export function runCli(
  args: string[],
  env: Record<string, string>,
  options: { built?: boolean } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const entry = options.built ? [BUILT_CLI] : ['-r', '@swc-node/register', 'apps/cli/src/main.ts'];
    const child = spawn(process.execPath, [...entry, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
