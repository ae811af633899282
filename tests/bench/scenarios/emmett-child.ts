import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Actor, DomainEvent } from '@pdca/kernel';
import {
  cycleDecider, cycleStream, DEFAULT_B_REASONS, evaluationCycleOf, EvaluationCommand, evaluationDecider, evaluationStream,
} from '@pdca/review';
import type { CycleState, EvaluationState } from '@pdca/review';
import { summarize } from '../support/stats';

/**
 * Child process of scenario 1's side-by-side row: the same "submit actual" decision run through
 * Emmett 0.38.5's CommandHandler on emmett-sqlite 0.38.5 (bench/emmett). Each command reads the
 * cycle's stream (aggregateStream with our evolve), builds the same context our API builds, and lets
 * CommandHandler read the item's stream, fold it with our evolve, call our pure decide and append with
 * the expected version. Emmett is called in-process, with no HTTP in front of it.
 *
 * emmett-sqlite's store shares one sqlite3 connection between calls and closes it after each one, so
 * concurrent callers fail (SQLITE_MISUSE from 16 callers on): the callers are serialized behind one
 * mutex, as an application would have to. A short unserialized probe shows what happens without it.
 */
interface Emmett {
  CommandHandler: (options: { evolve: (state: EvaluationState, event: DomainEvent) => EvaluationState; initialState: () => EvaluationState }) =>
    (store: EmmettStore, id: string, handle: (state: EvaluationState) => DomainEvent[]) => Promise<unknown>;
}
interface EmmettStore {
  appendToStream(stream: string, events: DomainEvent[]): Promise<unknown>;
  aggregateStream<State>(stream: string, options: { evolve: (state: State, event: DomainEvent) => State; initialState: () => State }): Promise<{ state: State }>;
}

const FISCAL_YEAR = 2026;
const DEADLINE = `${FISCAL_YEAR + 1}-05-31T14:59:59.999Z`;
const WARDS = 20;
const PROJECTS = 400;
const SECTIONS = 40;

async function main(): Promise<void> {
  const [dir, emmettDir, windowMs, warmupMs, callers] = [process.argv[2], process.argv[3], Number(process.argv[4]), Number(process.argv[5]), Number(process.argv[6])];
  const load = createRequire(join(emmettDir, 'package.json'));
  const { CommandHandler } = load('@event-driven-io/emmett') as Emmett;
  const { getSQLiteEventStore } = load('@event-driven-io/emmett-sqlite') as { getSQLiteEventStore: (options: { fileName: string }) => EmmettStore };
  // The package's exports hide its package.json: read the installed version from the file itself.
  const { version } = JSON.parse(readFileSync(join(emmettDir, 'node_modules/@event-driven-io/emmett-sqlite/package.json'), 'utf8')) as { version: string };
  const handle = CommandHandler({ evolve: (state, event) => evaluationDecider.evolve(state, event as never), initialState: evaluationDecider.initialState });

  const wards = Array.from({ length: WARDS }, (_, w) => `emt_w${String(w + 1).padStart(3, '0')}`);
  const items = wards.flatMap((wardId) => Array.from({ length: PROJECTS }, (_, p) => ({ wardId, p })));
  const opened = async (file: string) => {
    const store = getSQLiteEventStore({ fileName: join(dir, file) });
    for (const wardId of wards) await store.appendToStream(cycleStream(wardId, FISCAL_YEAR), openCycle(wardId));
    return store;
  };
  const submitter = (store: EmmettStore) => {
    let cursor = 0;
    return async () => {
      const n = cursor++;
      const { wardId, p } = items[n % items.length];
      const sectionId = `sec${String((p % SECTIONS) + 1).padStart(3, '0')}`;
      // Past the first lap every stream has a submission: new project ids keep every command a first submission.
      const itemId = projectId(Math.floor(n / items.length), p);
      const actor: Actor = { userId: `${wardId}.${sectionId}`, role: 'section_staff', wardId, sectionId };
      const item = { wardId, fiscalYear: FISCAL_YEAR, kind: 'project' as const, itemId, sectionId, notSuitedForShortTermEvaluation: false, nothingPlanned: false };
      const { state: cycle } = await store.aggregateStream<CycleState>(cycleStream(wardId, FISCAL_YEAR), { evolve: (s, e) => cycleDecider.evolve(s, e as never), initialState: cycleDecider.initialState });
      if (cycle.status === 'not_opened') throw new Error(`cycle of ${wardId} not opened`);
      const command: EvaluationCommand = {
        type: 'SubmitActual',
        data: { actual: { kind: 'project', text: `令和8年度 実施（計${itemId.length + 10}か所）` }, rating: { scheme: 'nerima', grade: 'A' } },
        context: { actor, item, cycle: evaluationCycleOf(cycle), now: new Date().toISOString() },
      };
      await handle(store, evaluationStream(item), (state) => evaluationDecider.decide(command, state));
    };
  };

  const submit = submitter(await opened('emmett.db'));
  process.stderr.write('emmett: measuring\n');
  const mutex = serializer();
  const latencies: number[] = [];
  let completed = 0;
  // Counted, not fatal: even serialized, emmett-sqlite has refused a commit now and then (SQLITE_BUSY).
  let failed = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  const measureFrom = started + warmupMs;
  const measureUntil = measureFrom + windowMs;
  await Promise.all(Array.from({ length: callers }, async () => {
    while (performance.now() < measureUntil) {
      const sent = performance.now();
      const failure = await mutex(submit).then(() => undefined, (error: Error) => error);
      const done = performance.now();
      if (done < measureFrom || done > measureUntil) continue;
      if (failure) {
        failed++;
        firstFailure ??= failure.message.slice(0, 160);
        continue;
      }
      completed++;
      if (sent >= measureFrom) latencies.push(done - sent);
    }
  }));
  // A file, not stdout: emmett-sqlite prints the errors of failed calls to the console. Written before the probe, which may crash the process.
  const measured = { version, rate: completed / (windowMs / 1000), completed, failed, firstFailure, latency: summarize(latencies) };
  writeFileSync(join(dir, 'result.json'), JSON.stringify(measured));
  process.stderr.write(`emmett: ${completed} measured, ${failed} failed; probing\n`);
  // Last, on a file of its own: the failed calls leave handles open that lock their database for seconds.
  const probe = await unserializedProbe(submitter(await opened('emmett-unserialized.db')), callers);
  writeFileSync(join(dir, 'result.json'), JSON.stringify({ ...measured, probe }));
}

function openCycle(wardId: string): DomainEvent[] {
  // A Nerima-sized scope, so the cycle stream Emmett reads for each command is as large as ours.
  const scope = { projectIds: Array.from({ length: PROJECTS }, (_, p) => projectId(0, p)), kpiIds: [] };
  const context = { actor: { userId: `${wardId}.kikaku`, role: 'planning_office' as const, wardId }, wardId, fiscalYear: FISCAL_YEAR, now: new Date().toISOString() };
  return cycleDecider.decide({ type: 'OpenCycle', data: { scheme: 'nerima', deadline: DEADLINE, bReasons: [...DEFAULT_B_REASONS], scope }, context }, cycleDecider.initialState());
}

const projectId = (lap: number, p: number) => `P${String(lap).padStart(2, '0')}-${String(p + 1).padStart(3, '0')}`;

/** One caller at a time: a promise chain. */
function serializer(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** `callers` commands at once without the mutex, once: how many fail, and with what. */
async function unserializedProbe(submit: () => Promise<void>, callers: number): Promise<{ failed: number; of: number; firstError?: string }> {
  const results = await Promise.allSettled(Array.from({ length: callers }, submit));
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  return { failed: failures.length, of: callers, ...(failures[0] ? { firstError: String((failures[0].reason as Error)?.message ?? failures[0].reason).slice(0, 160) } : {}) };
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
