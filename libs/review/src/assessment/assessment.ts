import { assertNever, DomainEvent, requireRole } from '@pdca/kernel';
import type { Actor } from '@pdca/kernel';
import { cyclePublished, textRequired } from '../evaluation/evaluation.errors';
import type { CycleStatus } from '../evaluation/evaluation.commands';
import type { Scheme } from '../rating/rating';
import { schemeOf } from '../schemes/registry';

/**
 * Act: per strategic plan, what was learnt and what changes next year. Taisho's scheme adds the
 * strategy's progress (a/b) and effectiveness (ア 有効: continue / イ 見直し: revise).
 */
export interface PlanAssessment {
  issues: string;
  improvements: string;
  nextYearDirection?: string;
  progress?: 'a' | 'b';
  effectiveness?: 'continue' | 'revise';
}

export interface PlanRef {
  wardId: string;
  fiscalYear: number;
  planId: string;
}

export const assessmentStream = (ref: PlanRef) => `assessment-${ref.wardId}-${ref.fiscalYear}-${ref.planId}`;

export type AssessmentEvent = DomainEvent<
  'ImprovementsRecorded',
  { plan: PlanRef; assessment: PlanAssessment; recordedAt: string }
>;

export interface RecordImprovements {
  type: 'RecordImprovements';
  data: PlanAssessment;
  context: { actor: Actor; plan: PlanRef; cycle: { status: CycleStatus; scheme: Scheme }; now: string };
}

export type AssessmentState = { recorded: PlanAssessment | null };

export function decideAssessment(command: RecordImprovements, _state: AssessmentState): AssessmentEvent[] {
  const { actor, plan, cycle, now } = command.context;
  requireRole(actor, 'planning_office');
  if (cycle.status === 'published') throw cyclePublished();
  const data = command.data;
  if (!data.issues?.trim()) throw textRequired('issues', '課題', 'the issues');
  if (!data.improvements?.trim()) throw textRequired('improvements', '改善策', 'the improvements');
  const { judgesStrategies } = schemeOf(cycle.scheme);
  if (judgesStrategies && !data.progress)
    throw textRequired('progress', '戦略の進捗状況（a/b）', 'the strategy progress (a/b)');
  if (judgesStrategies && !data.effectiveness)
    throw textRequired('effectiveness', '有効性（ア/イ）', 'the effectiveness');
  return [{ type: 'ImprovementsRecorded', data: { plan, assessment: data, recordedAt: now } }];
}

export function evolveAssessment(state: AssessmentState, event: AssessmentEvent): AssessmentState {
  switch (event.type) {
    case 'ImprovementsRecorded':
      return { recorded: event.data.assessment };
    default:
      return assertNever(event.type, 'assessment event');
  }
}

export const assessmentDecider = {
  decide: decideAssessment,
  evolve: evolveAssessment,
  initialState: (): AssessmentState => ({ recorded: null }),
};
