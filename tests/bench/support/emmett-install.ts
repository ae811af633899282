import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from './fixture-store';

/** The bench's own folder for Emmett, pinned in its package.json and package-lock.json, outside the project's dependencies. */
export const EMMETT_DIR = join(ROOT, 'bench', 'emmett');

const installed = () =>
  ['@event-driven-io/emmett', '@event-driven-io/emmett-sqlite', 'sqlite3/build/Release/node_sqlite3.node'].every((path) => existsSync(join(EMMETT_DIR, 'node_modules', path)));

/**
 * Installs Emmett 0.38.5, emmett-sqlite 0.38.5 and sqlite3 5.1.7 on first use (`npm ci` from the
 * lock file; sqlite3 may build from source, about two minutes). Returns why not when the registry
 * or the build fails, so the table can say so instead of the run failing.
 */
export async function ensureEmmett(log: (message: string) => void): Promise<{ ok: true } | { ok: false; reason: string }> {
  if (installed()) return { ok: true };
  log('emmett: installing the pinned packages into bench/emmett (first use; sqlite3 may build from source)');
  return new Promise((resolve) => {
    const env = { ...process.env, ...nodeHeaders() };
    execFile('npm', ['ci', '--no-audit', '--no-fund'], { cwd: EMMETT_DIR, env, timeout: 15 * 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (!error && installed()) resolve({ ok: true });
      else resolve({ ok: false, reason: `npm ci in bench/emmett failed: ${(stderr || (error?.message ?? 'the packages are missing after the install')).trim().split('\n').slice(-3).join(' ').slice(0, 300)}` });
    });
  });
}

/**
 * Where the running Node's C headers are, for sqlite3's build from source: node-gyp otherwise
 * downloads them from nodejs.org, which a machine without that access cannot. The project's Node
 * (the `node` package, see README "Two commands") keeps them in its platform package; an installed
 * Node has them beside its bin folder. Nothing found: node-gyp downloads them as usual.
 */
function nodeHeaders(): { npm_config_nodedir?: string } {
  const prefix = dirname(dirname(process.execPath));
  const candidates = [prefix, join(prefix, 'node_modules', `node-${process.platform}-${process.arch}`)];
  const nodedir = candidates.find((dir) => existsSync(join(dir, 'include', 'node', 'node_api.h')));
  return nodedir ? { npm_config_nodedir: nodedir } : {};
}
