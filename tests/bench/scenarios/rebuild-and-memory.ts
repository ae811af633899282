import { join } from 'node:path';
import { ChainedEventStore } from '@pdca/audit';
import { SqliteEventStore } from '@pdca/event-store';
import { ProjectionRunner } from '@pdca/projections';
import type { ReadModels } from '@pdca/projections';
import { ApiProcess } from '../support/api-process';
import { closeStore } from '../support/close-store';
import { buildFixtureStore } from '../support/fixture-store';
import { Inspector } from '../support/inspector';
import type { Figure } from '../support/report';
import type { WardShape } from '../support/synthetic-ward';
import { writeUsersFile } from '../support/users';
import type { BenchContext } from './context';

export const MILLION = 1_000_000;
/** ~10,450 events per ward: catalogue (sections, plans, 400 projects with reposts, 120 KPIs, 5 annual plans each) and 5 fiscal years through the council. */
const WARDS = 96;
const SHAPE: Omit<WardShape, 'wardId'> = { projects: 400, sections: 40, kpis: 120, fiscalYears: [2019, 2020, 2021, 2022, 2023], annualPlans: true, stage: 'approved' };
const PAGE = 5_000;

/**
 * Scenario 2: ProjectionRunner.rebuild of the first 1,000,000 events into every read model, against
 * reading and JSON-parsing the same rows straight from SQLite. Scenario 5: the API's resident memory
 * once it has projected them (it catches up from zero at start, as after any restart).
 */
export async function rebuildAndMemoryScenario(ctx: BenchContext): Promise<Figure[]> {
  const dataDir = ctx.dir('million');
  const file = join(dataDir, 'events.db');
  const wards = Array.from({ length: WARDS }, (_, i) => ({ wardId: `big_w${String(i + 1).padStart(3, '0')}`, ...SHAPE }));
  const fixture = await buildFixtureStore(file, wards, { useCache: ctx.useCache });
  ctx.log(`rebuild: ${fixture.events} events (${fixture.cached ? 'cached' : 'generated'} in ${fixture.seconds.toFixed(1)} s)`);
  if (fixture.events < MILLION) throw new Error(`the fixture holds ${fixture.events} events, fewer than ${MILLION}`);

  const inner = new SqliteEventStore(file);
  const parsed = timed(() => readAndParse(inner, MILLION));
  ctx.log(`rebuild: baseline read + JSON.parse ${parsed.seconds.toFixed(1)} s`);
  const started = performance.now();
  let models: ReadModels | undefined = await ctx.profiled('rebuild', undefined, () => ProjectionRunner.rebuild(new ChainedEventStore(inner), MILLION));
  const rebuildSeconds = (performance.now() - started) / 1000;
  ctx.log(`rebuild: ProjectionRunner.rebuild ${rebuildSeconds.toFixed(1)} s, ${models.wards.size} wards`);
  await closeStore(inner);
  const withModels = liveHeapMb();
  models = undefined;
  const modelsMb = withModels - liveHeapMb();

  const usersFile = join(dataDir, 'users.json');
  writeUsersFile(usersFile, [{ username: 'big_w001.kikaku', role: 'planning_office', wardId: 'big_w001' }]);
  const spawned = performance.now();
  const api = await ApiProcess.start({ dataDir, usersFile, entry: 'build', readyTimeoutMs: 600_000, inspect: ctx.profiling });
  const readySeconds = (performance.now() - spawned) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const rss = api.rssMb();
  ctx.log(`memory: API ready after ${readySeconds.toFixed(1)} s, RSS ${rss.toFixed(0)} MB; the rebuilt read models alone hold ${modelsMb.toFixed(0)} MB of live heap`);
  if (api.inspectPort) {
    const inspector = await Inspector.connect(api.inspectPort);
    ctx.log(`memory: the API after a full GC: ${JSON.stringify(await inspector.memoryAfterGc())} (MB), RSS now ${api.rssMb().toFixed(0)} MB`);
    inspector.close();
  }
  await api.stop();

  const baselineRate = MILLION / parsed.seconds;
  const rebuildRate = MILLION / rebuildSeconds;
  return [
    { scenario: '2', figure: 'baseline: read + JSON-parse 1,000,000 events straight from SQLite', value: baselineRate, unit: 'events/s', note: `${parsed.seconds.toFixed(1)} s` },
    {
      scenario: '2', figure: 'projection rebuild of 1,000,000 events into all read models', value: rebuildRate, unit: 'events/s',
      baseline: baselineRate, baselineLabel: 'read + parse', ratio: rebuildRate / baselineRate, target: '≥ 0.5× baseline', met: rebuildRate / baselineRate >= 0.5,
      note: `${rebuildSeconds.toFixed(1)} s; ${WARDS} wards × 5 fiscal years × 520 items`,
    },
    { scenario: '5', figure: `info: API start until caught up with the store (${fixture.events.toLocaleString('en-US')} events)`, value: readySeconds, unit: 's' },
    { scenario: '5', figure: 'API resident memory (RSS) after projecting the store', value: rss, unit: 'MB', target: '≤ 300 MB', met: rss <= 300, note: `${fixture.events} events projected` },
    { scenario: '5', figure: 'info: live heap held by the read models of 1,000,000 events (rebuilt in the bench, after full GCs)', value: modelsMb, unit: 'MB' },
  ];
}

/** The baseline: the same pages the rebuild reads, with both JSON columns parsed, nothing else. */
function readAndParse(store: SqliteEventStore, upTo: number): number {
  let count = 0;
  for (let after = 0; after < upTo; ) {
    const rows = store.readAllRows(after, Math.min(PAGE, upTo - after));
    if (rows.length === 0) break;
    for (const row of rows) {
      JSON.parse(row.data);
      JSON.parse(row.metadata);
      count++;
    }
    after = rows[rows.length - 1].position;
  }
  return count;
}

/** Live heap after full collections; the bench runs with --expose-gc (package.json), else 0. */
function liveHeapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return 0;
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1_048_576;
}

function timed<T>(work: () => T): { value: T; seconds: number } {
  const started = performance.now();
  const value = work();
  return { value, seconds: (performance.now() - started) / 1000 };
}
