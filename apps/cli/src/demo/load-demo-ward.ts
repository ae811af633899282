import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import type { INestApplicationContext } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@pdca/event-store';
import { tokyoDate } from '@pdca/kernel';
import { Environment, jsonLogger } from '@pdca/platform';
import { AppModule } from '../../../api/src/app.module';
import { ChangeCatalogueCommand } from '../../../api/src/catalogue/change-catalogue.command';
import type { CommandRequest } from '../../../api/src/commands/command-request';
import { RunCycleCommand } from '../../../api/src/cycles/cycle.command';
import { EvaluateItemCommand } from '../../../api/src/evaluations/evaluate-item.command';
import { ImportService } from '../../../api/src/imports/import.service';
import { DemoClock } from './demo-clock';
import { demoData, demoFiles } from './demo-fixtures';
import { DEMO_WARD_ID } from './demo-people';
import { demoScenario } from './demo-scenario';
import { demoWaves } from './demo-waves';
import type { DemoStep } from './demo-step';
import { openFiscalYear } from './open-year.scenario';

const KEY_PREFIX = 'demo:';

export type DemoOutcome =
  | { loaded: true; resumed: boolean; commands: number; headPosition: number; milliseconds: number; openFiscalYear: number }
  | { loaded: false; reason: 'disabled' | 'store_not_empty'; headPosition: number };

/**
 * Loads the demo ward into an empty store through the API's own command handlers (the same
 * deciders, idempotency and projections as HTTP, minus the HTTP), each command with its own date
 * on the clock; independent commands run side by side so the store commits them in groups. A store that holds anything else is left alone; a store the demo began
 * (an interrupted load) is finished: every command's key is fixed, so those already done replay.
 */
export async function loadDemoWard(environment: Environment, today = tokyoDate(new Date())): Promise<DemoOutcome> {
  const started = Date.now();
  const clock = new DemoClock();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(environment, { clock }), { logger: jsonLogger('warn', 'demo'), abortOnError: false });
  try {
    const store = app.get<EventStore>(EVENT_STORE);
    const head = await store.headPosition();
    if (!environment.DEMO_WARD) return { loaded: false, reason: 'disabled', headPosition: head };
    const [first] = await store.readAll({ after: 0, maxCount: 1 });
    const resumed = first !== undefined && String(first.metadata.causationId).startsWith(KEY_PREFIX);
    if (first && !resumed) return { loaded: false, reason: 'store_not_empty', headPosition: head };
    const steps = demoScenario(await demoData(demoFiles()), today);
    for (const wave of demoWaves(steps)) await Promise.all(wave.map((step) => clock.at(step.at, () => run(app, step))));
    return { loaded: true, resumed, commands: steps.length, headPosition: await store.headPosition(), milliseconds: Date.now() - started, openFiscalYear: openFiscalYear(today) };
  } finally {
    await app.close();
  }
}

async function run(app: INestApplicationContext, step: DemoStep): Promise<void> {
  const request: CommandRequest = { actor: step.actor, commandId: `${KEY_PREFIX}${step.name}`, correlationId: `demo-${DEMO_WARD_ID}` };
  const commands = app.get(CommandBus);
  switch (step.kind) {
    case 'import':
      await app.get(ImportService).confirm(DEMO_WARD_ID, request, demoFiles());
      return;
    case 'catalogue':
      await commands.execute(new ChangeCatalogueCommand(DEMO_WARD_ID, step.changes, request, step.label));
      return;
    case 'cycle':
      await commands.execute(new RunCycleCommand(DEMO_WARD_ID, step.fiscalYear, step.change, request));
      return;
    case 'evaluation':
      await commands.execute(new EvaluateItemCommand(step.ref, step.command, request));
      return;
  }
}
