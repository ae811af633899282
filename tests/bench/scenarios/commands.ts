import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { SqliteEventStore } from '@pdca/event-store';
import type { NewEvent } from '@pdca/event-store';
import { ApiProcess } from '../support/api-process';
import { closeStore } from '../support/close-store';
import { buildFixtureStore } from '../support/fixture-store';
import { LoadRequest, runClosedLoop } from '../support/http-load';
import type { Figure } from '../support/report';
import { formatNumber, summarize } from '../support/stats';
import { projectIdOf, sectionIdOf, sectionOfProject, WardShape } from '../support/synthetic-ward';
import { PASSWORD, UserSpec, writeUsersFile } from '../support/users';
import type { BenchContext } from './context';

const FISCAL_YEAR = 2026;
/** Projects reserved per level: the level ends early (and says so) if a faster machine uses them up. */
const LEVELS = [
  { concurrency: 1, projects: 3_000 },
  { concurrency: 16, projects: 8_000 },
  { concurrency: 64, projects: 8_000 },
];
const WARD: Omit<WardShape, 'wardId'> = { projects: 400, sections: 40, kpis: 120, fiscalYears: [FISCAL_YEAR], annualPlans: true, stage: 'open' };

interface Target {
  wardId: string;
  projectId: string;
  sectionId: string;
}

/**
 * Scenario 1: POST …/projects/{id}/submission (validate, decide, durable append, projected before the
 * response) at 1, 16 and 64 clients, every request on a project nobody submitted yet. The wards are
 * Nerima-sized (400 projects, 40 sections, 120 KPIs) and registered up front through the fixture path.
 */
export async function commandsScenario(ctx: BenchContext): Promise<Figure[]> {
  const wardCount = Math.ceil(LEVELS.reduce((n, level) => n + level.projects, 0) / WARD.projects);
  const wards = Array.from({ length: wardCount }, (_, i) => `cmd_w${String(i + 1).padStart(3, '0')}`);
  const dataDir = ctx.dir('commands');
  const fixture = await buildFixtureStore(join(dataDir, 'events.db'), wards.map((wardId) => ({ wardId, ...WARD })), { useCache: ctx.useCache });
  ctx.log(`commands: ${wardCount} wards, ${fixture.events} catalogue and cycle events (${fixture.cached ? 'cached' : 'generated'} in ${fixture.seconds.toFixed(1)} s)`);

  const baseline = await appendBaseline(join(ctx.dir('commands-baseline'), 'events.db'), ctx);
  const targets = wards.flatMap((wardId) => Array.from({ length: WARD.projects }, (_, i): Target => ({ wardId, projectId: projectIdOf(i), sectionId: sectionOfProject(WARD, i) })));
  const users: UserSpec[] = wards.flatMap((wardId) => Array.from({ length: WARD.sections }, (_, s) => sectionIdOf(s)).map((sectionId) => ({ username: `${wardId}.${sectionId}`, role: 'section_staff' as const, wardId, sectionId })));
  const usersFile = join(dataDir, 'users.json');
  writeUsersFile(usersFile, users);

  const api = await ApiProcess.start({ dataDir, usersFile, entry: 'build', inspect: ctx.profiling });
  try {
    const tokens = await loginAll(api, users.map((u) => u.username));
    ctx.log(`commands: API up, ${tokens.size} section users logged in`);
    const floor = await runClosedLoop({ base: api.base, concurrency: 64, warmupMs: 1_000, durationMs: 4_000, next: () => ({ method: 'GET', path: '/health/live', headers: {} }) });
    const figures: Figure[] = [
      { scenario: '1', figure: 'baseline: single-event durable appends, one at a time (SqliteEventStore)', value: baseline.sequential, unit: 'appends/s' },
      { scenario: '1', figure: 'info: the same appends from 64 concurrent callers', value: baseline.concurrent, unit: 'appends/s' },
      { scenario: '1', figure: 'info: HTTP floor, GET /health/live at 64 clients', value: floor.completed / floor.seconds, unit: 'req/s' },
    ];
    let offset = 0;
    for (const level of LEVELS) {
      const slice = targets.slice(offset, offset + level.projects);
      offset += level.projects;
      let cursor = 0;
      const next = (): LoadRequest | undefined => {
        const target = slice[cursor++];
        return target && submission(target, tokens.get(`${target.wardId}.${target.sectionId}`)!);
      };
      const result = await ctx.profiled(`commands-${level.concurrency}`, api.inspectPort, () => runClosedLoop({
        base: api.base, concurrency: level.concurrency, warmupMs: 2_000, durationMs: ctx.quick ? 4_000 : 10_000, next,
        accept: (status, body) => status === 200 && body.includes('"projected":true'),
      }));
      const rate = result.ok / result.seconds;
      const exhausted = cursor >= slice.length ? `; all ${slice.length} reserved projects used, window ${result.seconds.toFixed(1)} s` : '';
      const latency = summarize(result.latenciesMs);
      ctx.log(`commands at ${level.concurrency}: ${result.completed} in ${result.seconds.toFixed(1)} s, statuses ${JSON.stringify(result.statuses)}${result.firstFailure ? `, first failure ${result.firstFailure}` : ''}`);
      const at64 = level.concurrency === 64;
      figures.push(
        {
          scenario: '1', figure: `submit actual, ${level.concurrency} client${level.concurrency > 1 ? 's' : ''}: commands/s`, value: rate, unit: 'cmd/s',
          baseline: baseline.sequential, baselineLabel: 'single appends', ratio: rate / baseline.sequential,
          ...(at64 ? { target: '≥ 0.5× baseline', met: rate / baseline.sequential >= 0.5 } : {}),
          note: `${result.ok} of ${result.completed} accepted (200, projected); statuses ${JSON.stringify(result.statuses)}${exhausted}`,
        },
        {
          scenario: '1', figure: `submit actual, ${level.concurrency} client${level.concurrency > 1 ? 's' : ''}: latency p50 / p95 / p99`, value: latency.p99, unit: 'ms',
          display: `${[latency.p50, latency.p95, latency.p99].map((ms) => formatNumber(ms)).join(' / ')} ms`,
          note: `p50 ${latency.p50.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms, max ${latency.max.toFixed(1)} ms over ${latency.samples} requests`,
          ...(at64 ? { target: 'p99 ≤ 25 ms', met: latency.p99 <= 25 } : {}),
        },
      );
    }
    return figures;
  } finally {
    await api.stop();
  }
}

function submission(target: Target, token: string): LoadRequest {
  return {
    method: 'POST',
    path: `/wards/${target.wardId}/cycles/${FISCAL_YEAR}/projects/${target.projectId}/submission`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ actual: { text: `令和8年度 実施（計${target.projectId.length + 10}か所）` }, rating: { scheme: 'nerima', grade: 'A' } }),
  };
}

async function loginAll(api: ApiProcess, usernames: string[]): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  let cursor = 0;
  const worker = async () => {
    for (let name = usernames[cursor++]; name; name = usernames[cursor++]) tokens.set(name, await api.login(name, PASSWORD));
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return tokens;
}

/** Durable single-event appends straight into the store: one at a time, then from 64 concurrent callers. */
async function appendBaseline(file: string, ctx: BenchContext): Promise<{ sequential: number; concurrent: number }> {
  const store = new SqliteEventStore(file);
  const event = (): NewEvent => ({
    id: randomUUID(), type: 'ActualSubmitted',
    data: { item: { wardId: 'baseline', fiscalYear: FISCAL_YEAR, kind: 'project', itemId: 'P01-001' }, sectionId: 'sec001', actual: { kind: 'project', text: '令和8年度 実施（計17か所）' }, late: false, submittedAt: new Date().toISOString() },
    metadata: { actor: 'baseline.sec001', role: 'section_staff', wardId: 'baseline', sectionId: 'sec001', correlationId: randomUUID(), causationId: randomUUID(), commandType: 'SubmitActual', recordedAt: new Date().toISOString() },
  });
  let streams = 0;
  const appendFor = async (ms: number, callers: number) => {
    let appended = 0;
    const until = performance.now() + ms;
    await Promise.all(Array.from({ length: callers }, async () => {
      while (performance.now() < until) {
        await store.append(`baseline-${++streams}`, [event()], { expectedRevision: 'no_stream' });
        appended++;
      }
    }));
    return appended / (ms / 1000);
  };
  await appendFor(500, 1);
  const sequential = await appendFor(ctx.quick ? 2_000 : 5_000, 1);
  await appendFor(500, 64);
  const concurrent = await appendFor(ctx.quick ? 2_000 : 5_000, 64);
  await closeStore(store);
  return { sequential, concurrent };
}
