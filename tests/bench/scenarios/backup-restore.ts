import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'undici';
import { ApiProcess } from '../support/api-process';
import { buildFixtureStore } from '../support/fixture-store';
import { Figure, loadNow } from '../support/report';
import { summarize } from '../support/stats';
import { projectIdOf, sectionOfProject, WardShape } from '../support/synthetic-ward';
import { PASSWORD } from '../support/users';
import { FY, writeOpenWards } from '../../reliability/support/fixture-wards';
import { runCli } from '../../operations/support/cli-process';
import type { BenchContext } from './context';

/** The million-event store of scenario 2 (same spec, so bench/.cache serves both). */
const SHAPE: Omit<WardShape, 'wardId'> = { projects: 400, sections: 40, kpis: 120, fiscalYears: [2019, 2020, 2021, 2022, 2023], annualPlans: true, stage: 'approved' };
const LIVE_WARD = 'bk_live';
const LIVE_SHAPE = { projects: 100, sections: 10 };
const IN_FLIGHT = 4;

/**
 * Issue 15: `pdca backup` of a 1,000,000-event store while the API keeps serving commands (a ward
 * with an open cycle saving drafts, IN_FLIGHT at a time), then `pdca restore` of that backup into
 * an empty DATA_DIR (checks, history verification, the read models rebuilt beside it) and the API
 * started on it until ready. Times are wall clock of the built commands as an operator runs them
 * (`npm run cli`, `npm start`).
 */
export async function backupRestoreScenario(ctx: BenchContext): Promise<Figure[]> {
  const live = ctx.dir('backup-live');
  const wards = Array.from({ length: ctx.quick ? 10 : 96 }, (_, i) => ({ wardId: `big_w${String(i + 1).padStart(3, '0')}`, ...SHAPE }));
  const fixture = await buildFixtureStore(join(live, 'events.db'), wards, { useCache: ctx.useCache });
  const { usersFile } = writeOpenWards(live, [LIVE_WARD], LIVE_SHAPE);
  ctx.log(`backup: ${fixture.events} events (${fixture.cached ? 'cached' : 'generated'} in ${fixture.seconds.toFixed(1)} s) and an open ward for the commands`);

  const api = await ApiProcess.start({ dataDir: live, usersFile, entry: 'build', readyTimeoutMs: 900_000 });
  const backups = ctx.dir('backup-files');
  let load: Awaited<ReturnType<typeof startDrafts>> | undefined;
  let backupSeconds = 0;
  let backupLoad = 0;
  let commands = { during: 0, latencies: [] as number[], failed: 0 };
  try {
    load = await startDrafts(api);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const before = load.served();
    const started = performance.now();
    const backup = await runCli(['backup', backups], { DATA_DIR: live }, { built: true });
    backupSeconds = (performance.now() - started) / 1000;
    backupLoad = loadNow();
    if (backup.code !== 0) throw new Error(`backup failed: ${backup.stderr}`);
    const after = load.served();
    const { latencies, failed } = await load.stop();
    commands = { during: after - before, latencies: latencies.slice(before, after), failed };
  } finally {
    await load?.stop();
    await api.stop();
  }
  const backupFile = readdirSync(backups).filter((name) => name.endsWith('.db')).map((name) => join(backups, name))[0];
  const manifest = JSON.parse(readFileSync(`${backupFile}.manifest.json`, 'utf8')) as { store: { events: number }; durationMs: number; bytes: number };
  const events = manifest.store.events;
  ctx.log(`backup: ${events} events in ${backupSeconds.toFixed(1)} s (copy ${manifest.durationMs} ms); ${commands.during} commands served meanwhile`);

  const restored = ctx.dir('backup-restored');
  const restoreStarted = performance.now();
  const restore = await runCli(['restore', backupFile], { DATA_DIR: restored }, { built: true });
  const restoreSeconds = (performance.now() - restoreStarted) / 1000;
  if (restore.code !== 0 || !/^intact/m.test(restore.stdout)) throw new Error(`restore failed (${restore.code}): ${restore.stdout}\n${restore.stderr}`);
  const rebuildStarted = performance.now();
  const onRestored = await ApiProcess.start({ dataDir: restored, usersFile, entry: 'build', readyTimeoutMs: 900_000 });
  const rebuildSeconds = (performance.now() - rebuildStarted) / 1000;
  const restoreLoad = loadNow();
  await onRestored.stop();
  ctx.log(`restore: ${restoreSeconds.toFixed(1)} s (checks, verify + rebuild), API ready on it after ${rebuildSeconds.toFixed(1)} s`);

  const rate = events / backupSeconds;
  const total = restoreSeconds + rebuildSeconds;
  const latency = summarize(commands.latencies);
  return [
    {
      scenario: '15', figure: `back up ${events.toLocaleString('en-US')} events while commands are served (whole \`pdca backup\` command)`, value: rate, unit: 'events/s',
      target: '≥ 100,000 events/s', met: rate >= 100_000, load: backupLoad, note: `${backupSeconds.toFixed(1)} s wall, of which the copy ${(manifest.durationMs / 1000).toFixed(1)} s; ${Math.round(manifest.bytes / 1_048_576)} MB`,
    },
    {
      scenario: '15', figure: 'info: commands served during the backup (drafts, 4 in flight)', value: commands.during, unit: 'commands',
      display: `${commands.during} (p50 ${latency.p50.toFixed(0)} / p95 ${latency.p95.toFixed(0)} ms, ${commands.failed} failed)`, load: backupLoad,
    },
    {
      scenario: '15', figure: `restore + verify + rebuild of ${events.toLocaleString('en-US')} events (\`pdca restore\`, then the API until ready)`, value: total, unit: 's',
      target: '≤ 60 s', met: total <= 60, load: restoreLoad, note: `restore (checks, verify and the read-model rebuild side by side) ${restoreSeconds.toFixed(1)} s, API start from the restored models ${rebuildSeconds.toFixed(1)} s`,
    },
  ];
}

/** Section staff saving drafts on the open ward until stopped; each response timed. */
async function startDrafts(api: ApiProcess) {
  const staff = Array.from({ length: LIVE_SHAPE.projects }, (_, i) => `${LIVE_WARD}.${sectionOfProject(LIVE_SHAPE, i)}`);
  const tokens = new Map(await Promise.all([...new Set(staff)].map(async (u) => [u, await api.login(u, PASSWORD)] as const)));
  const pool = new Pool(api.base, { connections: IN_FLIGHT });
  const latencies: number[] = [];
  let failed = 0;
  let running = true;
  let next = 0;
  const client = async () => {
    while (running) {
      const i = next++;
      const index = i % LIVE_SHAPE.projects;
      const started = performance.now();
      const response = await pool.request({
        method: 'PUT', path: `/wards/${LIVE_WARD}/cycles/${FY}/projects/${projectIdOf(index)}/draft`,
        body: JSON.stringify({ actual: { text: `下書き ${i}` } }),
        headers: { authorization: `Bearer ${tokens.get(staff[index])}`, 'content-type': 'application/json' },
      });
      await response.body.text();
      if (response.statusCode === 200) latencies.push(performance.now() - started);
      else failed++;
    }
  };
  const clients = Array.from({ length: IN_FLIGHT }, client);
  let stopped: Promise<{ latencies: number[]; failed: number }> | undefined;
  return {
    served: () => latencies.length,
    stop: () => (stopped ??= (async () => {
      running = false;
      await Promise.all(clients);
      await pool.close();
      return { latencies, failed };
    })()),
  };
}
