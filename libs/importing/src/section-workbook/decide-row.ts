import { DomainError, sameJson } from '@pdca/kernel';
import { assertValidRating, decideEvaluation, schemeOf } from '@pdca/review';
import type { Actual, EvaluationCommand, EvaluationContext, EvaluationState, Rating } from '@pdca/review';
import { rowError } from '../row-error';
import type { RowError } from '../row-error';
import type { WorkbookRow } from './read-section-workbook';
import type { RowIntent } from './row-intent';
import { currentValues } from './workbook-cells';
import { columnOf, RATING_CELL } from './workbook-columns';
import type { CellKey } from './workbook-columns';

/** The two commands a row can become: the same ones the item's own form sends. */
export type RowCommand =
  | Omit<Extract<EvaluationCommand, { type: 'SaveDraft' }>, 'context'>
  | Omit<Extract<EvaluationCommand, { type: 'SubmitActual' }>, 'context'>;

/** unchanged: nothing to do · draft / submit: the command to run · applied: done by an earlier try of the same upload. */
export type RowOutcome = 'unchanged' | 'draft' | 'submit' | 'applied' | 'error';

export interface RowDecision {
  outcome: RowOutcome;
  command?: RowCommand;
  errors: RowError[];
  /** Rules a draft may still break (it is saved anyway) but its submission will not. */
  warnings: RowError[];
}

export interface RowFacts {
  /** Exactly what the command handler passes to decide: actor, catalogue facts, cycle, time. */
  context: EvaluationContext;
  /** Folded from the item's own stream, never from a read model. */
  state: EvaluationState;
  /** The stream already holds this row's command (an earlier try of the same Idempotency-Key). */
  alreadyApplied: boolean;
}

/** How many broken rules of one row are looked for (each repaired in a probe copy to find the next). */
const MAX_RULES_PER_ROW = 6;

/**
 * A row is decided by the evaluation decider itself, on the item's state from its stream: what the
 * preview accepts, the confirm appends. decide stops at the first broken rule, so a copy of the
 * command is repaired field by field to list every rule the row breaks.
 */
export function decideWorkbookRow(row: WorkbookRow, intent: RowIntent, facts: RowFacts): RowDecision {
  if (facts.alreadyApplied) return { outcome: 'applied', errors: [], warnings: [] };
  if (isUnchanged(intent, facts.state)) return { outcome: 'unchanged', errors: [], warnings: [] };
  const command = commandOf(intent, facts.context);
  const errors = [
    ...ratingRequired(row, intent, facts.context),
    ...brokenRules(row, command, facts, (c, ctx) => decideEvaluation({ ...c, context: ctx }, facts.state)),
  ];
  if (errors.length > 0) return { outcome: 'error', errors, warnings: [] };
  const warnings =
    command.type === 'SaveDraft' && command.data.draft.rating ? brokenRules(row, command, facts, draftRatingRules) : [];
  return { outcome: command.type === 'SubmitActual' ? 'submit' : 'draft', command, errors: [], warnings };
}

function commandOf(intent: RowIntent, context: EvaluationContext): RowCommand {
  if (!intent.submit)
    return {
      type: 'SaveDraft',
      data: {
        draft: {
          ...(intent.actual ? { actual: intent.actual } : {}),
          ...(intent.rating ? { rating: intent.rating } : {}),
        },
      },
    };
  // An empty actual is passed on so that decide itself names the missing field.
  const actual = intent.actual ?? emptyActual(context);
  return { type: 'SubmitActual', data: { actual, ...(intent.rating ? { rating: intent.rating } : {}) } };
}

/** A row left as downloaded changes nothing, whatever the item's status (approved rows included). */
function isUnchanged(intent: RowIntent, state: EvaluationState): boolean {
  const current = currentValues(state);
  const same =
    sameJson(comparable(current.actual), comparable(intent.actual)) &&
    sameJson(comparable(current.rating), comparable(intent.rating));
  if (!same) return false;
  return intent.submit ? state.status === 'submitted' || state.status === 'approved' : true;
}

/**
 * Values as a cell can hold them: texts trimmed (cells are read trimmed), empty texts absent, a
 * KPI value by its text (number and unit are parsed from it). Stored values, imported ones
 * included, then compare equal to their untouched cells.
 */
function comparable(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() || undefined;
  if (value === null || typeof value !== 'object') return value ?? null;
  if ('text' in value && typeof value.text === 'string' && !('kind' in value)) return value.text.trim();
  const entries = Object.entries(value)
    .map(([key, field]) => [key, comparable(field)] as const)
    .filter(([, field]) => field !== undefined && field !== null);
  return Object.fromEntries(entries);
}

/**
 * decide lets a submission without a rating through (the form may rate later), but in a workbook
 * the rating is on the same row and the council cannot approve an unrated item: a submitted row
 * of an item that is rated must carry its rating.
 */
function ratingRequired(row: WorkbookRow, intent: RowIntent, context: EvaluationContext): RowError[] {
  const rated = context.item.kind === 'project' || schemeOf(context.cycle.scheme).ratesKpis;
  if (!intent.submit || intent.rating || !rated) return [];
  const key: CellKey = RATING_CELL[context.cycle.scheme];
  return [
    errorAt(
      row,
      context,
      key,
      'RATING_REQUIRED',
      '提出する行には評価を入力してください。',
      'A submitted row needs its rating.',
    ),
  ];
}

type Rules = (command: RowCommand, context: EvaluationContext) => void;

const draftRatingRules: Rules = (command, context) => {
  const rating = command.type === 'SaveDraft' ? command.data.draft.rating : undefined;
  if (rating) assertValidRating(rating, context.cycle.scheme, { ...context.item }, context.cycle);
};

function brokenRules(row: WorkbookRow, command: RowCommand, facts: RowFacts, rules: Rules): RowError[] {
  const errors: RowError[] = [];
  let probe = { command: structuredClone(command), context: structuredClone(facts.context) };
  for (let attempt = 0; attempt < MAX_RULES_PER_ROW; attempt++) {
    const error = broken(() => rules(probe.command, probe.context));
    if (!error) break;
    errors.push(errorAt(row, facts.context, keyOf(error, facts.context), error.code, error.messageJa, error.messageEn));
    const repaired = repair(error, probe);
    if (!repaired) break;
    probe = repaired;
  }
  return errors;
}

function broken(run: () => void): DomainError | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

type Probe = { command: RowCommand; context: EvaluationContext };

const fieldNamedBy = (error: DomainError) => (typeof error.details.field === 'string' ? error.details.field : '');

/** Makes the probe satisfy the rule just reported, so that the next run reports the next one; undefined when a rule cannot be repaired (status, section, cycle). */
function repair(error: DomainError, { command, context }: Probe): Probe | undefined {
  const field = fieldNamedBy(error);
  if (field === 'actual.text' || field === 'actual.value') return { command: withActual(command, context), context };
  if (error.code === 'DASH_REQUIRES_NOTHING_PLANNED')
    return { command, context: { ...context, item: { ...context.item, nothingPlanned: true } } };
  if (error.code === 'STAR_REQUIRES_LONG_TERM_PROJECT')
    return { command, context: { ...context, item: { ...context.item, notSuitedForShortTermEvaluation: true } } };
  const rating = ratingOf(command);
  if (!rating) return undefined;
  if (field === 'rating.note') return { command: withRating(command, { ...rating, note: '…' }), context };
  if (field === 'rating.withdrawalCriterion' && rating.scheme === 'taisho')
    return { command: withRating(command, { ...rating, withdrawalCriterion: '…' }), context };
  if (field === 'rating.bReason' && rating.scheme === 'nerima') {
    if (error.code === 'B_REASON_ONLY_FOR_B')
      return {
        command: withRating(command, {
          scheme: 'nerima',
          grade: rating.grade,
          ...(rating.note ? { note: rating.note } : {}),
        }),
        context,
      };
    const first = context.cycle.bReasons[0]?.code;
    return first ? { command: withRating(command, { ...rating, bReason: first }), context } : undefined;
  }
  return undefined;
}

const ratingOf = (command: RowCommand): Rating | undefined =>
  command.type === 'SaveDraft' ? command.data.draft.rating : command.data.rating;

function withRating(command: RowCommand, rating: Rating): RowCommand {
  return command.type === 'SaveDraft'
    ? { ...command, data: { draft: { ...command.data.draft, rating } } }
    : { ...command, data: { ...command.data, rating } };
}

const emptyActual = (context: EvaluationContext, text = ''): Actual =>
  context.item.kind === 'project' ? { kind: 'project', text } : { kind: 'kpi', value: { text }, asOf: text };

function withActual(command: RowCommand, context: EvaluationContext): RowCommand {
  const actual = emptyActual(context, '…');
  return command.type === 'SaveDraft'
    ? { ...command, data: { draft: { ...command.data.draft, actual } } }
    : { ...command, data: { ...command.data, actual } };
}

/** Which cell an error of decide belongs to: the field it names, else the status (or the id, for ownership). */
function keyOf(error: DomainError, context: EvaluationContext): CellKey {
  const field = fieldNamedBy(error);
  if (field.startsWith('actual')) return error.code === 'ACTUAL_KIND_MISMATCH' ? 'itemId' : 'actual';
  if (field === 'rating.bReason') return 'bReason';
  if (field === 'rating.note') return 'note';
  if (field === 'rating.withdrawalCriterion') return 'withdrawalCriterion';
  if (field.startsWith('rating')) return RATING_CELL[context.cycle.scheme];
  return error.code === 'NOT_YOUR_SECTION' || error.code === 'ROLE_NOT_ALLOWED' ? 'itemId' : 'status';
}

export function errorAt(
  row: WorkbookRow,
  context: EvaluationContext,
  key: CellKey,
  code: string,
  ja: string,
  en: string,
): RowError {
  const column = columnOf(context.cycle.scheme, row.sheet, key)?.header ?? key;
  const value = row.cells[key];
  return rowError(
    { table: row.sheet, row: row.row, column, value: value ? value.slice(0, 200) : undefined },
    code,
    ja,
    en,
  );
}
