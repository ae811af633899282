import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMMETT_DIR, ensureEmmett } from '../support/emmett-install';
import { ROOT } from '../support/fixture-store';
import type { LatencySummary } from '../support/stats';
import type { BenchContext } from './context';

export type EmmettResult =
  | {
      ok: true; version: string; rate: number; completed: number; failed: number; firstFailure?: string; latency: LatencySummary;
      /** Absent when the unserialized probe ended the child. */
      probe?: { failed: number; of: number; firstError?: string };
    }
  | { ok: false; reason: string };

/** Emmett + emmett-sqlite on the same submit-actual decision, `callers` at a time, in a child process of its own (emmett-child.ts). */
export async function emmettSideBySide(ctx: BenchContext, callers: number): Promise<EmmettResult> {
  const installed = await ensureEmmett((message) => ctx.log(message));
  if (!installed.ok) return installed;
  const windowMs = ctx.quick ? 4_000 : 10_000;
  const dir = ctx.dir('emmett');
  const args = ['-r', '@swc-node/register', join(__dirname, 'emmett-child.ts'), dir, EMMETT_DIR, String(windowMs), '2000', String(callers)];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: ROOT, timeout: windowMs + 180_000, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      const result = join(dir, 'result.json');
      if (error && !existsSync(result)) resolve({ ok: false, reason: `the Emmett run failed: ${(stderr || error.message).trim().split('\n').slice(0, 2).join(' ').slice(0, 300)}` });
      else resolve({ ok: true, ...(JSON.parse(readFileSync(result, 'utf8')) as Omit<Extract<EmmettResult, { ok: true }>, 'ok'>) });
    });
  });
}
