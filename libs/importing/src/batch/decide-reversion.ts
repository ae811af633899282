import { assertUntouchedSince, compensationsFor, decideCatalogueBatch, foldCatalogue } from '@pdca/catalogue';
import type { CatalogueEvent, CatalogueState } from '@pdca/catalogue';
import type { Actor } from '@pdca/kernel';
import { decideEvaluation, evaluationCycleOf, evaluationStream, initialCycle, initialEvaluation } from '@pdca/review';
import type { CycleState, EvaluationCommand, ItemRef } from '@pdca/review';
import type { BatchStep, ImportStates } from './import-batch';

/** The catalogue stream's events, each with the import that appended it (if any). */
export interface CatalogueHistory {
  events: Array<{ event: CatalogueEvent; importId?: string }>;
  revision: number;
}

export interface ReversionOptions {
  importId: string;
  records: ItemRef[];
  actor: Actor;
  reason: string;
  now: string;
  catalogueStream: string;
}

/**
 * Pure: the compensating steps that undo an import, decided on the streams as they are now. Every
 * refusal (a published year, a catalogue entry changed since) is thrown here, before anything is
 * appended; items whose imported result was already replaced need nothing.
 */
export function decideReversion(
  history: CatalogueHistory,
  states: Pick<ImportStates, 'cycles' | 'items'>,
  options: ReversionOptions,
): BatchStep[] {
  const catalogue = fold(history.events);
  const catalogueStep = revertCatalogue(history, catalogue, options);
  const itemSteps = options.records.flatMap((ref) => revertItem(ref, catalogue, states, options));
  return [...catalogueStep, ...itemSteps];
}

function revertCatalogue(history: CatalogueHistory, current: CatalogueState, options: ReversionOptions): BatchStep[] {
  const first = history.events.findIndex((e) => e.importId === options.importId);
  if (first < 0) return [];
  const batch = history.events.filter((e) => e.importId === options.importId).map((e) => e.event);
  const lastIndex = history.events.map((e) => e.importId).lastIndexOf(options.importId);
  const later = history.events.slice(lastIndex + 1).map((e) => e.event);
  assertUntouchedSince(batch, later);
  const before = fold(history.events.slice(0, first));
  const commands = compensationsFor(
    batch,
    before,
    options.actor,
    `取込み ${options.importId} の取消し: ${options.reason}`,
  );
  if (commands.length === 0) return [];
  decideCatalogueBatch(commands, current); // refuses now rather than half-way
  return [
    { stream: options.catalogueStream, expectedRevision: history.revision, command: { kind: 'catalogue', commands } },
  ];
}

function revertItem(
  ref: ItemRef,
  catalogue: CatalogueState,
  states: Pick<ImportStates, 'cycles' | 'items'>,
  options: ReversionOptions,
): BatchStep[] {
  const cycle: CycleState = states.cycles.get(ref.fiscalYear) ?? initialCycle();
  if (cycle.status === 'not_opened') return [];
  const stream = evaluationStream(ref);
  const item = states.items.get(stream) ?? { state: initialEvaluation(), revision: -1 };
  const entry = ref.kind === 'project' ? catalogue.projects[ref.itemId] : catalogue.kpis[ref.itemId];
  const command: EvaluationCommand = {
    type: 'RevertImportedEvaluation',
    data: { importId: options.importId },
    context: {
      actor: options.actor,
      item: {
        ...ref,
        sectionId: entry?.sectionId ?? '',
        notSuitedForShortTermEvaluation: false,
        nothingPlanned: false,
      },
      cycle: evaluationCycleOf(cycle),
      now: options.now,
    },
  };
  if (decideEvaluation(command, item.state).length === 0) return [];
  return [{ stream, expectedRevision: item.revision, command: { kind: 'evaluation', command } }];
}

function fold(events: CatalogueHistory['events']): CatalogueState {
  return foldCatalogue(events.map(({ event }) => event));
}
