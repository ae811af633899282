import type { Actor } from '@pdca/kernel';
import { DEFAULT_B_REASONS } from '../rating/rating';
import type { CycleCommand } from './cycle.commands';
import type { CycleEvent } from './cycle.events';
import { DEFAULT_REMINDER_POLICY } from './reminder-policy';

/** Shared by the cycle's given/when/then specs. */
export const kikaku: Actor = { userId: 'kikaku-1', role: 'planning_office', wardId: 'nerima' };
export const context = { actor: kikaku, wardId: 'nerima', fiscalYear: 2022, now: '2023-04-03T00:00:00.000Z' };
export const ids = { wardId: 'nerima', fiscalYear: 2022 };
export const scope = { projectIds: ['P01-001', 'P01-002'], kpiIds: ['K01-01'] };
export const deadline = '2023-05-31T14:59:59.999Z';
export const opened: CycleEvent = {
  type: 'CycleOpened',
  data: {
    ...ids,
    scheme: 'nerima',
    deadline,
    bReasons: [...DEFAULT_B_REASONS],
    scope,
    reminderPolicy: DEFAULT_REMINDER_POLICY,
    openedAt: context.now,
  },
};
export const closed: CycleEvent = { type: 'CycleClosed', data: { ...ids, closedAt: context.now } };
export const when = (command: Omit<CycleCommand, 'context'>) => ({ ...command, context }) as CycleCommand;
export const draft = {
  position: 120,
  templateVersion: 'report-template/1',
  chainHeads: { 'cycle-nerima-2022': { revision: 1, hash: 'ab' } },
  summary: { A: 2 },
  itemsNotApproved: 0,
};
