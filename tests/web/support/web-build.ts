import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');
export const WEB_DIST = join(ROOT, 'dist/apps/web');
const SOURCES = [
  join(ROOT, 'apps/web/src'),
  join(ROOT, 'apps/web/build'),
  join(ROOT, 'apps/web/index.html'),
  join(ROOT, 'apps/web/vite.config.ts'),
];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Builds the web app when dist/apps/web is missing or older than its sources (a test never runs a stale build). */
export function ensureWebBuild(): void {
  const index = join(WEB_DIST, 'index.html');
  const fresh = () => existsSync(index) && statSync(index).mtimeMs >= Math.max(...SOURCES.map(newestMtime));
  // Test files run side by side may build at once; Vite refuses a second build of the project, so
  // wait for the other one and use its result (or build again if the sources changed since).
  for (let attempt = 1; !fresh(); attempt++) {
    try {
      execFileSync(
        process.execPath,
        [
          join(ROOT, 'node_modules/vite/bin/vite.js'),
          'build',
          '--config',
          'apps/web/vite.config.ts',
          '--logLevel',
          'error',
        ],
        {
          cwd: ROOT,
          stdio: ['ignore', 'inherit', 'pipe'],
          env: { ...process.env, NODE_ENV: 'production' }, // jest sets NODE_ENV=test, which Vite would honour
        },
      );
      return;
    } catch (error) {
      const stderr = String((error as { stderr?: Buffer }).stderr ?? '');
      if (!stderr.includes('Found another Vite build process') || attempt >= 60) {
        process.stderr.write(stderr);
        throw error;
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3_000);
    }
  }
}
