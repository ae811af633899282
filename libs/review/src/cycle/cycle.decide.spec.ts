import type { Actor } from '@pdca/kernel';
import { deciderSpec } from '@pdca/kernel/testing';
import { DEFAULT_B_REASONS } from '../rating/rating';
import type { CycleCommand } from './cycle.commands';
import { cycleDecider } from './cycle.decide';
import type { CycleEvent } from './cycle.events';
import { DEFAULT_REMINDER_POLICY } from './reminder-policy';

const kikaku: Actor = { userId: 'kikaku-1', role: 'planning_office', wardId: 'nerima' };
const context = { actor: kikaku, wardId: 'nerima', fiscalYear: 2022, now: '2023-04-03T00:00:00.000Z' };
const scope = { projectIds: ['P01-001', 'P01-002'], kpiIds: ['K01-01'] };
const deadline = '2023-05-31T14:59:59.999Z';
const opened: CycleEvent = {
  type: 'CycleOpened',
  data: { wardId: 'nerima', fiscalYear: 2022, scheme: 'nerima', deadline, bReasons: [...DEFAULT_B_REASONS], scope, reminderPolicy: DEFAULT_REMINDER_POLICY, openedAt: context.now },
};
const closed: CycleEvent = { type: 'CycleClosed', data: { wardId: 'nerima', fiscalYear: 2022, closedAt: context.now } };
const draft = { position: 120, templateVersion: 'report-template/1', chainHeads: { 'cycle-nerima-2022': { revision: 1, hash: 'ab' } }, summary: { A: 2 }, itemsNotApproved: 0 };
const when = (command: Omit<CycleCommand, 'context'>) => ({ ...command, context }) as CycleCommand;
const given = deciderSpec(cycleDecider).given;

describe('review cycle of a fiscal year', () => {
  it('opens with scope, scheme, deadline and the default reminder policy', () => {
    given([]).when(when({ type: 'OpenCycle', data: { scheme: 'nerima', deadline, bReasons: [...DEFAULT_B_REASONS], scope } })).then([opened]);
  });

  it('opens only once per fiscal year', () => {
    given([opened]).when(when({ type: 'OpenCycle', data: { scheme: 'nerima', deadline, bReasons: [], scope } })).thenThrows('CYCLE_EXISTS');
  });

  it('extends the deadline only forward, with a reason', () => {
    const later = '2023-06-15T14:59:59.999Z';
    given([opened]).when(when({ type: 'ExtendDeadline', data: { deadline: later, reason: '議会日程の変更' } })).then([
      { type: 'DeadlineExtended', data: { wardId: 'nerima', fiscalYear: 2022, deadline: later, previousDeadline: deadline, reason: '議会日程の変更' } },
    ]);
    given([opened]).when(when({ type: 'ExtendDeadline', data: { deadline: '2023-05-01T00:00:00.000Z', reason: 'x' } })).thenThrows('DEADLINE_NOT_LATER');
  });

  it('publishes only a closed cycle with every item approved', () => {
    given([opened]).when(when({ type: 'PublishReport', data: draft })).thenThrows('CYCLE_STATUS');
    given([opened, closed]).when(when({ type: 'PublishReport', data: { ...draft, itemsNotApproved: 3 } })).thenThrows('ITEMS_NOT_APPROVED');
    const { itemsNotApproved: _, ...pinned } = draft;
    given([opened, closed]).when(when({ type: 'PublishReport', data: draft })).then([
      { type: 'ReportPublished', data: { wardId: 'nerima', fiscalYear: 2022, ...pinned, version: 1, publishedAt: context.now } },
    ]);
  });

  it('publishes a correction as a new version with a reason', () => {
    const { itemsNotApproved: _, ...pinned } = draft;
    const published: CycleEvent = { type: 'ReportPublished', data: { wardId: 'nerima', fiscalYear: 2022, ...pinned, version: 1, publishedAt: context.now } };
    given([opened, closed, published]).when(when({ type: 'CorrectReport', data: { ...draft, reason: '' } })).thenThrows('FIELD_REQUIRED');
    given([opened, closed, published]).when(when({ type: 'CorrectReport', data: { ...draft, position: 130, reason: '集計誤りの訂正' } })).then([
      { type: 'ReportCorrected', data: { wardId: 'nerima', fiscalYear: 2022, ...pinned, position: 130, reason: '集計誤りの訂正', version: 2, publishedAt: context.now } },
    ]);
  });
});
