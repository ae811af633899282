import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../support/fixture-store';
import type { Figure } from '../support/report';
import type { LatencySummary } from '../support/stats';
import type { BenchContext } from './context';

interface ChildResult {
  events: number;
  loadSeconds: number;
  summary: LatencySummary;
  allTables: LatencySummary;
  one: LatencySummary;
  totals: Record<string, number>;
  heapMb: number;
}

/**
 * Scenario 3b, in a child process with a large heap. Not over HTTP: the API has no cross-municipality
 * endpoint (a user only ever reaches their own ward), so the nationwide summary is measured where the
 * API computes every summary, on the read models, with the product's functions (projectEvent, summariesOf).
 */
export async function nationwideScenario(ctx: BenchContext): Promise<Figure[]> {
  const output = await new Promise<string>((resolve, reject) => {
    const env = { ...process.env, ...(ctx.profiling ? { BENCH_PROFILE: join(ROOT, 'bench', 'profiles', 'nationwide.cpuprofile') } : {}) };
    const child = spawn(process.execPath, ['--max-old-space-size=8192', '-r', '@swc-node/register', join(__dirname, 'nationwide-child.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk) => (text += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`nationwide child exited with ${code}`))));
  });
  const result = JSON.parse(output) as ChildResult;
  ctx.log(`nationwide: ${result.events} events projected in ${result.loadSeconds.toFixed(1)} s (heap ${result.heapMb.toFixed(0)} MB); totals ${JSON.stringify(result.totals)}`);
  const seconds = result.summary.p50 / 1000;
  return [
    {
      scenario: '3', figure: 'nationwide (1,741 municipalities × 400 projects, FY): every summary table and the national total (summariesOf)', value: seconds, unit: 's',
      target: '≤ 2 s', met: seconds <= 2, note: `median of 5 runs; ${result.totals.total} projects; read models from ${result.events} events (${result.loadSeconds.toFixed(0)} s to project, not timed)`,
    },
    { scenario: '3', figure: 'info: nationwide, every municipality\'s whole report model (summary and tables)', value: result.allTables.p50 / 1000, unit: 's' },
    { scenario: '3', figure: 'info: one municipality\'s report model at nationwide scale, p50', value: result.one.p50, unit: 'ms', note: `p99 ${result.one.p99.toFixed(1)} ms` },
  ];
}
