import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@pdca/event-store';
import { tokyoDate } from '@pdca/kernel';
import { evaluationStream } from '@pdca/review';
import { Environment, jsonLogger } from '@pdca/platform';
import { AppModule } from '../../../api/src/app.module';
import { CatalogueCommands } from '../../../api/src/catalogue/catalogue-commands';
import type { CommandRequest } from '../../../api/src/commands/command-request';
import { CloseCycleRoute } from '../../../api/src/cycles/close-cycle.route';
import { CycleCommands } from '../../../api/src/cycles/cycle-commands';
import { PublishReportRoute } from '../../../api/src/cycles/publish-report.route';
import { ItemCommands } from '../../../api/src/evaluations/item-commands';
import { ImportService } from '../../../api/src/imports/import.service';
import { DemoClock } from './demo-clock';
import { demoData, demoFiles } from './demo-fixtures';
import { DEMO_WARD_ID } from './demo-people';
import { demoScenario } from './demo-scenario';
import { demoWaves } from './demo-waves';
import type { DemoCycleChange, DemoStep } from './demo-step';
import { openFiscalYear } from './open-year.scenario';

const KEY_PREFIX = 'demo:';
/** Every demo command carries the day it was dated from: an interrupted load resumes with the same dates. */
const CORRELATION = /^demo-[a-z0-9_]+-(\d{4}-\d{2}-\d{2})$/;

export type DemoOutcome =
  | {
      loaded: true;
      resumed: boolean;
      commands: number;
      headPosition: number;
      milliseconds: number;
      openFiscalYear: number;
    }
  | { loaded: false; reason: 'disabled' | 'store_not_empty' | 'already_loaded'; headPosition: number };

/**
 * Loads the demo ward into an empty store through the API's own command services (the same
 * deciders, idempotency and projections as HTTP, minus the HTTP), each command with its own date
 * on the clock; independent commands run side by side so the store commits them in groups.
 * A store that holds anything else is left alone. A store the demo began but did not finish (an
 * interrupted set-up) is finished with the same dates: every command's key is fixed, so those
 * already done replay and append nothing.
 */
export async function loadDemoWard(environment: Environment, today = tokyoDate(new Date())): Promise<DemoOutcome> {
  const started = Date.now();
  const clock = new DemoClock();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(environment, { clock }), {
    logger: jsonLogger('warn', 'demo'),
    abortOnError: false,
  });
  try {
    const store = app.get<EventStore>(EVENT_STORE);
    const headPosition = await store.headPosition();
    if (!environment.DEMO_WARD) return { loaded: false, reason: 'disabled', headPosition };
    const [first] = await store.readAll({ after: 0, maxCount: 1 });
    const begun = first && CORRELATION.exec(String(first.metadata.correlationId));
    if (first && !begun) return { loaded: false, reason: 'store_not_empty', headPosition };
    const datedFrom = begun ? begun[1] : today;
    const waves = demoWaves(demoScenario(await demoData(demoFiles()), datedFrom));
    if (begun && (await allDone(store, waves[waves.length - 1])))
      return { loaded: false, reason: 'already_loaded', headPosition };
    const correlationId = `demo-${DEMO_WARD_ID}-${datedFrom}`;
    for (const wave of waves)
      await Promise.all(wave.map((step) => clock.at(step.at, () => run(app, step, correlationId))));
    const commands = waves.reduce((n, wave) => n + wave.length, 0);
    return {
      loaded: true,
      resumed: Boolean(begun),
      commands,
      headPosition: await store.headPosition(),
      milliseconds: Date.now() - started,
      openFiscalYear: openFiscalYear(datedFrom),
    };
  } finally {
    await app.close();
  }
}

/** The last wave's item commands are all recorded: the load finished. */
async function allDone(store: EventStore, wave: DemoStep[]): Promise<boolean> {
  for (const step of wave) {
    if (step.kind !== 'evaluation') return false;
    const recorded = await store.readStream(evaluationStream(step.ref));
    if (!recorded.some((event) => event.metadata.causationId === `${KEY_PREFIX}${step.name}`)) return false;
  }
  return true;
}

async function run(app: INestApplicationContext, step: DemoStep, correlationId: string): Promise<void> {
  const request: CommandRequest = { actor: step.actor, commandId: `${KEY_PREFIX}${step.name}`, correlationId };
  switch (step.kind) {
    case 'import':
      await app.get(ImportService).confirm(DEMO_WARD_ID, request, demoFiles());
      return;
    case 'catalogue':
      await app.get(CatalogueCommands).run(DEMO_WARD_ID, step.changes, request, step.label);
      return;
    case 'cycle':
      await runCycleStep(app, step.fiscalYear, step.change, request);
      return;
    case 'evaluation':
      await app.get(ItemCommands).run(step.ref, step.command, request);
      return;
  }
}

/** Closing and publishing read their context as their routes do; opening needs none. */
async function runCycleStep(
  app: INestApplicationContext,
  fiscalYear: number,
  change: DemoCycleChange,
  request: CommandRequest,
): Promise<void> {
  const cycle = { wardId: DEMO_WARD_ID, fiscalYear };
  switch (change.type) {
    case 'CloseCycle':
      await app.get(CloseCycleRoute).execute(cycle, change.data.confirmOutstanding, request);
      return;
    case 'PublishReport':
      await app.get(PublishReportRoute).execute(cycle, request);
      return;
    case 'OpenCycle':
      await app.get(CycleCommands).run(cycle, change, request);
      return;
  }
}
