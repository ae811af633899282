import { dispatchByType, requireRole } from '@pdca/kernel';
import type { Decider } from '@pdca/kernel';
import { decideChangeReminderPolicy } from './change-reminder-policy';
import { decideCloseCycle } from './close-cycle';
import { decideCorrectReport } from './correct-report';
import type { CycleEvent } from './cycle.events';
import { evolveCycle } from './cycle.evolve';
import { CycleState, initialCycle } from './cycle.state';
import { decideExcludeItem } from './exclude-item';
import { decideExtendDeadline } from './extend-deadline';
import { decideOpenCycle } from './open-cycle';
import { decidePublishReport } from './publish-report';
import { decideReopenCycle } from './reopen-cycle';

/** Every command on a cycle, by type: one line per slice (a new command adds its file and a line here). */
const DECIDE_BY_TYPE = {
  OpenCycle: decideOpenCycle,
  ChangeReminderPolicy: decideChangeReminderPolicy,
  ExtendDeadline: decideExtendDeadline,
  CloseCycle: decideCloseCycle,
  ReopenCycle: decideReopenCycle,
  ExcludeItem: decideExcludeItem,
  PublishReport: decidePublishReport,
  CorrectReport: decideCorrectReport,
};

const decideBySlice = dispatchByType(DECIDE_BY_TYPE, 'cycle command');
export type CycleCommand = Parameters<typeof decideBySlice>[0];

/** The planning office runs the cycle: open → (deadline extended) → closed (→ reopened) → published → corrected. */
export function decideCycle(command: CycleCommand, state: CycleState): CycleEvent[] {
  requireRole(command.context.actor, 'planning_office');
  return decideBySlice(command, state);
}

export const cycleDecider: Decider<CycleState, CycleCommand, CycleEvent> = {
  decide: decideCycle,
  evolve: evolveCycle,
  initialState: initialCycle,
};
