import { isDeepStrictEqual } from 'node:util';
import { nothingPlanned } from '@pdca/catalogue';
import type { CatalogueState } from '@pdca/catalogue';
import { DomainError } from '@pdca/kernel';
import type { Actor } from '@pdca/kernel';
import { decideEvaluation, evaluationCycleOf, evaluationStream, initialCycle, initialEvaluation } from '@pdca/review';
import type { CycleState, EvaluationCommand, EvaluationState, ItemRef } from '@pdca/review';
import type { ImportedRecord } from '../plan/context';
import { rowError } from '../row-error';
import type { RowError } from '../row-error';
import type { BatchStep, ImportStates } from './import-batch';
import { countSkipped, skipReason } from './skipped-years';
import type { SkippedYear } from './skipped-years';

export interface RecordContext {
  wardId: string;
  actor: Actor;
  now: string;
  importId: string;
}

export interface RecordDecisions {
  steps: BatchStep[];
  imported: ItemRef[];
  skipped: SkippedYear[];
  unchanged: number;
  errors: RowError[];
}

type OpenCycle = Exclude<CycleState, { status: 'not_opened' | 'published' }>;

/**
 * Each result is decided by the item's own decider on the item's state, exactly as the confirm will
 * append it: what the rules refuse becomes an error of the row that holds the result.
 */
export function decideRecords(
  records: ImportedRecord[],
  catalogue: CatalogueState,
  states: ImportStates,
  context: RecordContext,
): RecordDecisions {
  const decisions: RecordDecisions = { steps: [], imported: [], skipped: [], unchanged: 0, errors: [] };
  const skipped = new Map<number, SkippedYear>();
  for (const record of records) {
    const { fiscalYear } = record.item;
    const cycle = states.cycles.get(fiscalYear) ?? initialCycle();
    const skip = skipReason(fiscalYear, cycle);
    if (skip) countSkipped(skipped, fiscalYear, skip);
    else decideRecord(record, cycle as OpenCycle, catalogue, states, context, decisions);
  }
  decisions.skipped = [...skipped.values()].sort((a, b) => a.fiscalYear - b.fiscalYear);
  return decisions;
}

function decideRecord(
  record: ImportedRecord,
  cycle: OpenCycle,
  catalogue: CatalogueState,
  states: ImportStates,
  context: RecordContext,
  into: RecordDecisions,
): void {
  const ref = record.item;
  const at = { table: record.table, row: record.row, column: '実績' };
  if (!inCycleScope(cycle, ref)) {
    into.errors.push(
      rowError(
        at,
        'IMPORT_OUT_OF_SCOPE',
        `${ref.fiscalYear}年度のサイクルの対象に「${ref.itemId}」が含まれていないため、この行の実績・評価は取り込めません。この行の実績・進捗状況を空にするか、サイクルの対象に含めてから取り込んでください。`,
        `${ref.kind} ${ref.itemId} is not in the scope of the FY${ref.fiscalYear} cycle, so this row's result cannot be imported: clear its actual and rating, or include the item in the cycle first.`,
      ),
    );
    return;
  }
  const entry = ref.kind === 'project' ? catalogue.projects[ref.itemId] : catalogue.kpis[ref.itemId];
  if (!entry) return; // its catalogue row failed, and that row's error says so
  const stream = evaluationStream(ref);
  const item = states.items.get(stream) ?? { state: initialEvaluation(), revision: -1 };
  if (alreadyImported(item.state, record)) {
    into.unchanged++;
    return;
  }
  const command: EvaluationCommand = {
    type: 'ImportEvaluation',
    data: { actual: record.actual, ...(record.rating ? { rating: record.rating } : {}), importId: context.importId },
    context: {
      actor: context.actor,
      item: {
        ...ref,
        sectionId: entry.sectionId,
        notSuitedForShortTermEvaluation: 'home' in entry && entry.notSuitedForShortTermEvaluation,
        nothingPlanned: 'home' in entry && nothingPlanned(entry, ref.fiscalYear),
      },
      cycle: evaluationCycleOf(cycle),
      now: context.now,
    },
  };
  try {
    decideEvaluation(command, item.state);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    into.errors.push(rowError({ ...at, column: columnOf(error) }, error.code, error.messageJa, error.messageEn));
    return;
  }
  into.steps.push({ stream, expectedRevision: item.revision, command: { kind: 'evaluation', command } });
  into.imported.push(ref);
}

function inCycleScope(cycle: OpenCycle, ref: ItemRef): boolean {
  return (ref.kind === 'project' ? cycle.scope.projectIds : cycle.scope.kpiIds).includes(ref.itemId);
}

/** The same result imported before (by any import): nothing to do, so re-sending a file changes nothing. */
function alreadyImported(state: EvaluationState, record: ImportedRecord): boolean {
  return (
    state.status === 'approved' &&
    state.importId !== undefined &&
    !state.councilRating &&
    !state.correctedRating &&
    isDeepStrictEqual(state.actual, record.actual) &&
    isDeepStrictEqual(state.sectionRating, record.rating)
  );
}

const COLUMN_OF_FIELD: Record<string, string> = {
  'rating.grade': '進捗状況',
  'rating.bReason': 'Bの内訳',
  'rating.note': '備考',
  rating: '進捗状況',
  'rating.scheme': '進捗状況',
};

function columnOf(error: DomainError): string {
  const field = (error.details as { field?: string }).field;
  return (field && COLUMN_OF_FIELD[field]) ?? '実績';
}
