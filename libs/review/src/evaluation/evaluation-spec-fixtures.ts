import type { Actor } from '@pdca/kernel';
import { deciderSpec } from '@pdca/kernel/testing';
import { DEFAULT_B_REASONS, NerimaRating } from '../rating/rating';
import type { EvaluationCommand, EvaluationContext } from './evaluation.commands';
import { evaluationDecider } from './evaluation.decide';
import type { EvaluationEvent } from './evaluation.events';

/** Shared by the given/when/then specs of the evaluation slices. */
export const hoiku: Actor = { userId: 'hoiku-1', role: 'section_staff', wardId: 'nerima', sectionId: 'hoiku' };
export const otherSection: Actor = { userId: 'doboku-1', role: 'section_staff', wardId: 'nerima', sectionId: 'doboku' };
export const council: Actor = { userId: 'iin-1', role: 'council_member', wardId: 'nerima' };
export const kikaku: Actor = { userId: 'kikaku-1', role: 'planning_office', wardId: 'nerima' };

export const item = { wardId: 'nerima', fiscalYear: 2022, kind: 'project' as const, itemId: 'P01-011' };
export const context = (actor: Actor, overrides: Partial<EvaluationContext> = {}): EvaluationContext => ({
  actor,
  item: { ...item, sectionId: 'hoiku', notSuitedForShortTermEvaluation: false, nothingPlanned: false },
  cycle: { status: 'open', scheme: 'nerima', deadline: '2023-05-31T14:59:59.999Z', bReasons: DEFAULT_B_REASONS },
  now: '2023-05-10T01:00:00.000Z',
  ...overrides,
});
export const withCycle = (actor: Actor, status: EvaluationContext['cycle']['status']) =>
  context(actor, { cycle: { ...context(actor).cycle, status } });
export const when = (type: EvaluationCommand['type'], data: unknown, ctx: EvaluationContext) =>
  ({ type, data, context: ctx }) as EvaluationCommand;

export const actual = { kind: 'project' as const, text: '9所（定員485人）' };
export const ratingA: NerimaRating = { scheme: 'nerima', grade: 'A' };
export const submitted: EvaluationEvent[] = [
  {
    type: 'ActualSubmitted',
    data: { item, sectionId: 'hoiku', actual, late: false, submittedAt: '2023-05-10T01:00:00.000Z' },
  },
  { type: 'ItemRated', data: { item, rating: ratingA } },
];
export const approved: EvaluationEvent[] = [...submitted, { type: 'SubmissionApproved', data: { item } }];
export const given = deciderSpec(evaluationDecider).given;
