import { assertNever } from '@pdca/kernel';
import type { CycleEvent, ReminderPolicy } from '@pdca/review';
import type { HolidayCalendar } from './calendar';
import type { ReminderOccasion } from './occasion';
import { scheduleReminders } from './schedule-reminders';

/** What the schedule of one cycle is computed from. */
export interface ReminderCycle {
  wardId: string;
  fiscalYear: number;
  deadline: string;
  policy: ReminderPolicy;
  /** When the current schedule was made (the event's recorded time): earlier occasions never happen. */
  scheduledFrom: string;
  /** False once the cycle is closed or published: nothing more is sent. */
  active: boolean;
}

export const cycleKeyOf = (wardId: string, fiscalYear: number) => `${wardId}:${fiscalYear}`;

/** Folds one cycle event (with the time it was recorded) into the cycle's schedule inputs. */
export function evolveReminderCycle(
  cycle: ReminderCycle | undefined,
  event: CycleEvent,
  recordedAt: string,
): ReminderCycle | undefined {
  switch (event.type) {
    case 'CycleOpened': {
      const { wardId, fiscalYear, deadline, reminderPolicy } = event.data;
      return { wardId, fiscalYear, deadline, policy: reminderPolicy, scheduledFrom: recordedAt, active: true };
    }
    case 'ReminderPolicyChanged':
      return cycle && { ...cycle, policy: event.data.reminderPolicy, scheduledFrom: recordedAt };
    case 'DeadlineExtended':
      return cycle && { ...cycle, deadline: event.data.deadline, scheduledFrom: recordedAt };
    case 'CycleReopened':
      // Reminding starts again from the reopening: occasions before it never happen.
      return cycle && { ...cycle, active: true, scheduledFrom: recordedAt };
    case 'ItemExcluded':
      // Who owes what is read when an occasion fires, from the (narrowed) scope.
      return cycle;
    case 'CycleClosed':
    case 'ReportPublished':
    case 'ReportCorrected':
      return cycle && { ...cycle, active: false };
    default:
      return assertNever(event, 'cycle event');
  }
}

/** The occasions that should be waiting in the queue for this cycle. */
export function plannedOccasions(cycle: ReminderCycle | undefined, holidays: HolidayCalendar): ReminderOccasion[] {
  if (!cycle?.active) return [];
  return scheduleReminders(cycle, cycle.policy, cycle.deadline, new Date(cycle.scheduledFrom), holidays);
}
