import { DelayedError, Job } from 'bullmq';
import type { Clock } from '@pdca/kernel';
import type { WardModel } from '@pdca/projections';
import {
  judgeOccasion,
  OccasionVerdict,
  ReminderOccasion,
  scheduleReminders,
  wardOfficeHolidays,
} from '@pdca/reminders';
import type { CycleState } from '@pdca/review';
import type { OccasionJobData } from './queue/reminder-jobs';

/**
 * Judges a firing job against the schedule recomputed from the read models as of now: a job is
 * only a trigger. A closed or published cycle, an extended deadline or a changed policy makes
 * an old job harmless, whatever Redis still holds.
 */
export function judgeJob(ward: WardModel, job: OccasionJobData, now: Date): OccasionVerdict {
  const cycle = ward.cycles.get(job.fiscalYear)?.cycle;
  if (!cycle || cycle.status !== 'open') return { verdict: 'not_scheduled' };
  let schedule = schedules.get(cycle);
  if (!schedule) {
    schedule = scheduleReminders(job, cycle.reminderPolicy, cycle.deadline, new Date(0), wardOfficeHolidays);
    schedules.set(cycle, schedule);
  }
  return judgeOccasion(schedule, job.occasionId, now);
}

/**
 * A cycle state is replaced, never changed, by every event: its schedule is computed once, not
 * once per section of a fan-out. The state belongs to one ward and fiscal year.
 */
const schedules = new WeakMap<CycleState, ReminderOccasion[]>();

/** A job that fired before its occasion by the injected clock goes back to wait for the rest. */
export async function postpone(job: Job, token: string | undefined, at: string, clock: Clock): Promise<never> {
  const wait = Math.max(1_000, Date.parse(at) - clock.now().getTime());
  await job.moveToDelayed(Date.now() + wait, token);
  throw new DelayedError();
}
