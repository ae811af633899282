import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@pdca/event-store';
import type { NewEvent } from '@pdca/event-store';
import { Environment } from '@pdca/platform';
import { ApiProcess, freePort } from '../support/api-process';
import { closeStore } from '../support/close-store';
import { CpuPerCommand, cpuPerCommand, CpuSample, sampleCpu } from '../support/cpu-accounting';
import { eventLoopBetween, EventLoopSample, sampleEventLoop } from '../support/event-loop';
import { buildFixtureStore } from '../support/fixture-store';
import { LoadRequest, runClosedLoop } from '../support/http-load';
import { loadNow } from '../support/report';
import type { Figure } from '../support/report';
import { rawAppendRate } from '../support/raw-append-baseline';
import { formatNumber, summarize } from '../support/stats';
import { projectIdOf, sectionIdOf, sectionOfProject, WardShape } from '../support/synthetic-ward';
import { PASSWORD, UserSpec, writeUsersFile } from '../support/users';
import type { BenchContext } from './context';
import { emmettSideBySide, EmmettResult } from './emmett';

const FISCAL_YEAR = 2026;
/**
 * Projects reserved per level: the level ends early (and says so) if a faster machine uses them up.
 * Sized for ~1.5× the fastest rates seen on the 2-core test machine over 2 s of warm-up and a 10 s
 * window (7 Dec 2026, 21:13: 879, 2,341 and 3,003 cmd/s, when 8,000 and 24,000 ran out at 1 and 16
 * clients and shortened their windows to 7.6 and 8.3 s).
 */
const LEVELS = [
  { concurrency: 1, projects: 16_000 },
  { concurrency: 16, projects: 42_000 },
  { concurrency: 64, projects: 54_000 },
];
/** API_PROCESSES settings measured, each on its own projects (BENCH_API_PROCESSES=1,2 by default). */
const PROCESS_COUNTS = (process.env.BENCH_API_PROCESSES ?? '1,2').split(',').map(Number);
/**
 * For investigations, not for the figures: node flags for the API (BENCH_API_NODE_FLAGS, e.g.
 * `--trace-gc-nvp`), and a file that gets the API's last 200 KB of output when it stops
 * (BENCH_API_LOG; with several API_PROCESSES settings, the last one's).
 */
const API_NODE_FLAGS = process.env.BENCH_API_NODE_FLAGS?.split(' ').filter(Boolean);
const API_LOG = process.env.BENCH_API_LOG;
/** The rows with the issue's targets are the shipped default's, the other settings' are info rows. */
const SHIPPED = PROCESS_COUNTS.includes(new Environment().API_PROCESSES) ? new Environment().API_PROCESSES : PROCESS_COUNTS[0];
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
  const wardCount = Math.ceil((LEVELS.reduce((n, level) => n + level.projects, 0) * PROCESS_COUNTS.length) / WARD.projects);
  const wards = Array.from({ length: wardCount }, (_, i) => `cmd_w${String(i + 1).padStart(3, '0')}`);
  const dataDir = ctx.dir('commands');
  const fixture = await buildFixtureStore(join(dataDir, 'events.db'), wards.map((wardId) => ({ wardId, ...WARD })), { useCache: ctx.useCache });
  ctx.log(`commands: ${wardCount} wards, ${fixture.events} catalogue and cycle events (${fixture.cached ? 'cached' : 'generated'} in ${fixture.seconds.toFixed(1)} s)`);

  const rawWindowMs = ctx.quick ? 2_000 : 5_000;
  const rawBefore = { ...rawAppendRate(join(ctx.dir('commands-raw'), 'before.db'), rawWindowMs), load: loadNow() };
  const baseline = await appendBaseline(join(ctx.dir('commands-baseline'), 'events.db'), ctx);
  const targets = wards.flatMap((wardId) => Array.from({ length: WARD.projects }, (_, i): Target => ({ wardId, projectId: projectIdOf(i), sectionId: sectionOfProject(WARD, i) })));
  const users: UserSpec[] = wards.flatMap((wardId) => Array.from({ length: WARD.sections }, (_, s) => sectionIdOf(s)).map((sectionId) => ({ username: `${wardId}.${sectionId}`, role: 'section_staff' as const, wardId, sectionId })));
  const usersFile = join(dataDir, 'users.json');
  writeUsersFile(usersFile, users);

  const tokens = new Map<string, string>();
  const figures: Figure[] = [
    { scenario: '1', figure: 'info: our store alone, single-event durable appends one at a time (SqliteEventStore)', value: baseline.sequential, unit: 'appends/s', load: baseline.load },
    { scenario: '1', figure: 'info: the same appends from 64 concurrent callers', value: baseline.concurrent, unit: 'appends/s', load: baseline.load },
  ];
  const levels: Level[] = [];
  let offset = 0;
  for (const processes of PROCESS_COUNTS) {
    const setting = PROCESS_COUNTS.length > 1 || processes > 1 ? ` (API_PROCESSES=${processes})` : '';
    // Its /metrics tells how busy the event loop was in each level's window (scraped at the window's edges,
    // where the requests in flight are not counted).
    const metricsUrl = `http://127.0.0.1:${await freePort()}/metrics`;
    const api = await ApiProcess.start({
      dataDir, usersFile, entry: 'build', inspect: ctx.profiling && processes === 1,
      env: { API_PROCESSES: String(processes), METRICS_PORT: new URL(metricsUrl).port },
      nodeFlags: API_NODE_FLAGS,
    });
    try {
      // Bearer tokens hold on every process that shares JWT_SECRET and the users file: one login serves every setting.
      if (tokens.size === 0) for (const [user, token] of await loginAll(api, users.map((u) => u.username))) tokens.set(user, token);
      ctx.log(`commands: API up with ${processes} process(es), ${tokens.size} section users logged in`);
      const floor = await runClosedLoop({ base: api.base, concurrency: 64, warmupMs: 1_000, durationMs: 4_000, next: () => ({ method: 'GET', path: '/health/live', headers: {} }) });
      figures.push({ scenario: '1', figure: `info: HTTP floor, GET /health/live at 64 clients${setting}`, value: floor.completed / floor.seconds, unit: 'req/s', load: loadNow() });
      for (const level of LEVELS) {
        const slice = targets.slice(offset, offset + level.projects);
        offset += level.projects;
        const profile = processes === 1 ? api.inspectPort : undefined;
        levels.push(await measureLevel(ctx, api, metricsUrl, profile, level.concurrency, slice, tokens, processes, setting));
      }
      figures.push({ scenario: '1', figure: `info: API resident memory (RSS) after the levels, all processes${setting}`, value: api.rssMb(), unit: 'MB', load: loadNow() });
    } finally {
      if (API_LOG) writeFileSync(API_LOG, api.logs);
      await api.stop(); // idle, but its timers and memory stay out of the next setting's, Emmett's run and the raw rerun
    }
  }
  const emmett = await emmettSideBySide(ctx, 64);
  const rawAfter = { ...rawAppendRate(join(ctx.dir('commands-raw'), 'after.db'), rawWindowMs), load: loadNow() };
  const rawLatency = summarize([...rawBefore.latenciesMs, ...rawAfter.latenciesMs]);
  // The raw rate moves with the other work on a shared machine: measured before and after the levels, the ratios use the mean.
  const raw = (rawBefore.rate + rawAfter.rate) / 2;
  const versusRaw = (f: Figure): Figure => f.unit !== 'cmd/s' ? f : {
    ...f, baseline: raw, baselineLabel: 'raw', ratio: f.value / raw, ...(f.target ? { met: f.value / raw >= 0.5 } : {}),
  };
  figures.unshift({
    scenario: '1', figure: 'baseline (raw): better-sqlite3, WAL, synchronous=FULL, one single-row INSERT per transaction, the submit-actual row', value: raw, unit: 'appends/s',
    display: `${formatNumber(raw, 'appends/s')} (before ${formatNumber(rawBefore.rate)}, after ${formatNumber(rawAfter.rate)})`, load: rawBefore.load,
    note: `load ${rawBefore.load.toFixed(1)} before, ${rawAfter.load.toFixed(1)} after`,
  });
  figures.splice(1, 0, {
    scenario: '1', figure: 'info: raw durable append latency p50 / p99 / max, one INSERT and its fsync (the floor of a command p99)', value: rawLatency.p99, unit: 'ms',
    display: `${[rawLatency.p50, rawLatency.p99, rawLatency.max].map((ms) => formatNumber(ms)).join(' / ')} ms`, load: rawBefore.load,
    note: `${rawLatency.samples} appends before and after the levels`,
  });
  figures.push(...levels.flatMap((level) => level.figures.map(versusRaw)));
  figures.push(emmettFigure(emmett, levels.find((level) => level.concurrency === 64 && level.processes === SHIPPED)!.rate, raw));
  return figures;
}

interface Level {
  concurrency: number;
  processes: number;
  rate: number;
  p99: number;
  figures: Figure[];
}

/** One closed-loop level of "submit actual" on projects nobody submitted yet; the targets ride on the shipped setting's rows. */
async function measureLevel(
  ctx: BenchContext, api: ApiProcess, metricsUrl: string, profilePort: number | undefined, concurrency: number, slice: Target[], tokens: Map<string, string>, processes: number, setting: string,
): Promise<Level> {
  let cursor = 0;
  const next = (): LoadRequest | undefined => {
    const target = slice[cursor++];
    return target && submission(target, tokens.get(`${target.wardId}.${target.sectionId}`)!);
  };
  const cpu: { start?: CpuSample; end?: CpuSample } = {};
  const loop: { start?: Promise<EventLoopSample>; end?: Promise<EventLoopSample> } = {};
  const load = () => runClosedLoop({
    base: api.base, concurrency, warmupMs: 2_000, durationMs: ctx.quick ? 4_000 : 10_000, next,
    accept: (status, body) => status === 200 && body.includes('"projected":true'),
    onWindow: (edge) => {
      cpu[edge] = sampleCpu(api.pid);
      loop[edge] = sampleEventLoop(metricsUrl);
    },
  });
  const name = `commands-${concurrency}${processes > 1 ? `-p${processes}` : ''}`;
  const result = profilePort === undefined && processes > 1 ? await load() : await ctx.profiled(name, profilePort, load);
  const rate = result.ok / result.seconds;
  // No start sample: the requests ran out during the warm-up, and the window holds nothing to divide.
  const cpuCost = cpu.start && cpuPerCommand(cpu.start, cpu.end ?? sampleCpu(api.pid), result.completed, availableParallelism());
  const exhausted = cursor >= slice.length ? `; all ${slice.length} reserved projects used, window ${result.seconds.toFixed(1)} s` : '';
  const latency = summarize(result.latenciesMs);
  const eventLoop = loop.start && eventLoopBetween(await loop.start, await (loop.end ?? sampleEventLoop(metricsUrl)), processes);
  ctx.log(`commands at ${concurrency}${setting}: ${result.completed} in ${result.seconds.toFixed(1)} s, statuses ${JSON.stringify(result.statuses)}${result.firstFailure ? `, first failure ${result.firstFailure}` : ''}`);
  const loadAverage = loadNow();
  const clients = `${concurrency} client${concurrency > 1 ? 's' : ''}${setting}`;
  const targeted = processes === SHIPPED;
  const latencyTarget = !targeted ? undefined : concurrency === 64 ? 25 : concurrency === 1 ? 5 : undefined;
  return {
    concurrency, processes, rate, p99: latency.p99,
    figures: [
      {
        scenario: '1', figure: `submit actual, ${clients}: commands/s`, value: rate, unit: 'cmd/s', load: loadAverage,
        ...(targeted && concurrency === 64 ? { target: '≥ 0.5× raw' } : {}),
        note: `${result.ok} of ${result.completed} accepted (200, projected); statuses ${JSON.stringify(result.statuses)}${exhausted}`,
      },
      {
        scenario: '1', figure: `submit actual, ${clients}: latency p50 / p95 / p99`, value: latency.p99, unit: 'ms', load: loadAverage,
        display: `${[latency.p50, latency.p95, latency.p99].map((ms) => formatNumber(ms)).join(' / ')} ms`,
        note: `p50 ${latency.p50.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms, max ${latency.max.toFixed(1)} ms over ${latency.samples} requests`,
        ...(latencyTarget ? { baseline: latencyTarget, baselineLabel: 'limit', ratio: latency.p99 / latencyTarget, target: `p99 ≤ ${latencyTarget} ms`, met: latency.p99 <= latencyTarget } : {}),
      },
      ...(cpuCost ? [cpuFigure(cpuCost, clients, concurrency, loadAverage)] : []),
      ...(eventLoop ? [eventLoopFigure(eventLoop, clients, processes, loadAverage)] : []),
    ],
  };
}

/**
 * Where a command's CPU goes, every thread counted, and what that cost allows on this machine: the
 * closed loop's latency is clients ÷ rate (Little's law), so a p99 target at N clients needs at least
 * N ÷ p99 commands/s even with no spread at all, which the cores must carry at this cost.
 */
function cpuFigure(cost: CpuPerCommand, clients: string, concurrency: number, load: number): Figure {
  const us = (value: number) => formatNumber(Math.round(value));
  const needs = concurrency === 64 ? `; p99 ≤ 25 ms at 64 clients needs ≥ ${formatNumber(64 / 0.025)} cmd/s with no spread at all (64 ÷ 25 ms)` : '';
  return {
    scenario: '1', figure: `info: CPU per command, ${clients}: API main thread + API's other threads + load generator = all; what ${availableParallelism()} cores carry at that cost`,
    value: cost.totalUs, unit: 'µs', load,
    display: `${us(cost.mainUs)} + ${us(cost.threadsUs)} + ${us(cost.benchUs)} = ${us(cost.totalUs)} µs; at most ${formatNumber(cost.ceiling, 'cmd/s')}`,
    note: `other threads: the SQLite writer, key writer and checkpointer, V8's GC helpers; from /proc over the measured window${needs}`,
  };
}

/** How full the API's event loop was: near 100 %, commands queue in front of it whatever the writer does. */
function eventLoopFigure(loop: { busyShare: number; lateP99Ms: number }, clients: string, processes: number, load: number): Figure {
  return {
    scenario: '1', figure: `info: the API's event loop, ${clients}: busy share of the window; late at p99`,
    value: loop.busyShare * 100, unit: '%', load,
    display: `${formatNumber(loop.busyShare * 100)} % busy; ${formatNumber(loop.lateP99Ms)} ms late at p99`,
    note: `from its /metrics at the window's edges: rate of pdca_event_loop_busy_seconds_total${processes > 1 ? ` (the mean of ${processes} processes)` : ''}, and nodejs_eventloop_lag_p99_seconds less its 10 ms sampling timer (prom-client, since the previous scrape)`,
  };
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
async function appendBaseline(file: string, ctx: BenchContext): Promise<{ sequential: number; concurrent: number; load: number }> {
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
  return { sequential, concurrent, load: loadNow() };
}

/** The side-by-side row: our commands/s at 64 clients over Emmett's at 64 callers, target ≥ 10×. */
function emmettFigure(emmett: EmmettResult, ours: number, raw: number): Figure {
  const figure = 'side by side: Emmett 0.38.5 + emmett-sqlite 0.38.5, same submit actual, 64 callers serialized by a mutex, in-process (no HTTP)';
  if (!emmett.ok) return { scenario: '1', figure, value: Number.NaN, unit: 'cmd/s', display: `not measured: ${emmett.reason}`, target: 'ours ≥ 10× Emmett', load: loadNow() };
  const { latency, probe } = emmett;
  return {
    scenario: '1', figure: figure.replace('0.38.5 + emmett-sqlite 0.38.5', `0.38.5 + emmett-sqlite ${emmett.version}`), value: emmett.rate, unit: 'cmd/s',
    display: `${formatNumber(emmett.rate, 'cmd/s')} (${formatNumber(emmett.rate / raw)}× raw; p99 ${formatNumber(latency.p99)} ms${emmett.failed ? `; ${emmett.failed} failed` : ''}); ours ${formatNumber(ours, 'cmd/s')}`,
    baseline: emmett.rate, baselineLabel: 'Emmett', ratio: ours / emmett.rate, target: 'ours ≥ 10× Emmett', met: ours / emmett.rate >= 10, load: loadNow(),
    note: [
      `${emmett.completed} commands in the window${emmett.failed ? `, ${emmett.failed} failed even serialized (${emmett.firstFailure})` : ''}`,
      probe ? `unserialized, ${probe.of} at once: ${probe.failed} failed${probe.firstError ? ` (${probe.firstError})` : ''}` : 'the unserialized probe ended the process',
    ].join('; '),
  };
}
