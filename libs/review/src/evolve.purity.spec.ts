import { deepFreeze } from '@pdca/kernel/testing';
import { assessmentDecider } from './assessment/assessment';
import type { AssessmentEvent } from './assessment/assessment';
import { closed, deadline, draft, ids, opened, context as cycleContext } from './cycle/cycle-spec-fixtures';
import { CYCLE_EVENT_TYPES } from './cycle/cycle.events';
import type { CycleEvent } from './cycle/cycle.events';
import { evolveCycle } from './cycle/cycle.evolve';
import { initialCycle } from './cycle/cycle.state';
import { DEFAULT_REMINDER_POLICY } from './cycle/reminder-policy';
import { actual, item, ratingA } from './evaluation/evaluation-spec-fixtures';
import { EVALUATION_EVENT_TYPES } from './evaluation/evaluation.events';
import type { EvaluationEvent } from './evaluation/evaluation.events';
import { evolveEvaluation } from './evaluation/evaluation.evolve';
import { initialEvaluation } from './evaluation/evaluation.state';
import type { NerimaRating } from './rating/rating';

/** Folds with every state and event frozen: an evolve that writes into either throws a TypeError. */
const foldFrozen = <State, Event>(evolve: (state: State, event: Event) => State, initial: State, events: Event[]) =>
  events.reduce((state, event) => deepFreeze(evolve(deepFreeze(state), deepFreeze(structuredClone(event)))), initial);

const ratingB: NerimaRating = { scheme: 'nerima', grade: 'B', bReason: 'budget' };
const submittedAt = '2023-05-10T01:00:00.000Z';
const submit: EvaluationEvent = {
  type: 'ActualSubmitted',
  data: { item, sectionId: 'hoiku', actual, late: false, submittedAt },
};
/** Every evaluation event type, in an order the item goes through. */
const itemHistory: EvaluationEvent[] = [
  { type: 'DraftSaved', data: { item, draft: { actual } } },
  { type: 'ItemRated', data: { item, rating: ratingA } },
  submit,
  { type: 'SubmissionWithdrawn', data: { item, reason: '訂正のため' } },
  submit,
  { type: 'SubmissionReturned', data: { item, comments: '内訳を記載してください。' } },
  submit,
  { type: 'SubmissionApproved', data: { item } },
  { type: 'RatingAdjusted', data: { item, from: ratingA, to: ratingB, reason: '予算執行が遅れた' } },
  { type: 'EvaluationCorrected', data: { item, actual: { ...actual, text: '10所' }, reason: '誤記' } },
  { type: 'EvaluationImported', data: { item, sectionId: 'hoiku', actual, rating: ratingA, importId: 'imp-1' } },
  { type: 'EvaluationImportReverted', data: { item, importId: 'imp-1' } },
];
const publication = { ...ids, ...draft, version: 1, publishedAt: '2023-08-01T00:00:00.000Z' };
/** Every cycle event type, in an order a year goes through. */
const cycleHistory: CycleEvent[] = [
  opened,
  {
    type: 'ReminderPolicyChanged',
    data: { ...ids, reminderPolicy: { ...DEFAULT_REMINDER_POLICY, onDeadlineDay: false } },
  },
  {
    type: 'DeadlineExtended',
    data: { ...ids, deadline: '2023-06-15T14:59:59.999Z', previousDeadline: deadline, reason: '延長' },
  },
  closed,
  { type: 'CycleReopened', data: { ...ids, reason: '再開', reopenedAt: cycleContext.now } },
  {
    type: 'ItemExcluded',
    data: { ...ids, kind: 'kpi', itemId: 'K01-01', reason: '廃止', excludedAt: cycleContext.now },
  },
  closed,
  { type: 'ReportPublished', data: publication },
  { type: 'ReportCorrected', data: { ...publication, version: 2, reason: '誤記の訂正' } },
];

describe("the review's evolve functions return new states and leave the frozen ones they are given", () => {
  it('an item, through every evaluation event type', () => {
    expect(new Set(itemHistory.map((event) => event.type))).toEqual(new Set(EVALUATION_EVENT_TYPES));
    const beforeImport = foldFrozen(evolveEvaluation, initialEvaluation(), itemHistory.slice(0, 10));
    expect(beforeImport).toMatchObject({ status: 'approved', councilRating: ratingB, actual: { text: '10所' } });
    expect(foldFrozen(evolveEvaluation, initialEvaluation(), itemHistory)).toEqual({ status: 'not_started' });
  });

  it('a cycle, through every cycle event type', () => {
    expect(new Set(cycleHistory.map((event) => event.type))).toEqual(new Set(CYCLE_EVENT_TYPES));
    const state = foldFrozen(evolveCycle, initialCycle(), cycleHistory);
    expect(state).toMatchObject({
      status: 'published',
      deadline: '2023-06-15T14:59:59.999Z',
      scope: { kpiIds: [] },
      publications: [{ version: 1 }, { version: 2, reason: '誤記の訂正' }],
    });
  });

  it("a plan's assessment", () => {
    const recorded: AssessmentEvent = {
      type: 'ImprovementsRecorded',
      data: { plan: { ...ids, planId: '1' }, assessment: { issues: '課題', improvements: '改善' }, recordedAt: '' },
    };
    const { evolve, initialState } = assessmentDecider;
    expect(foldFrozen(evolve, initialState(), [recorded, recorded])).toEqual({ recorded: recorded.data.assessment });
  });
});
