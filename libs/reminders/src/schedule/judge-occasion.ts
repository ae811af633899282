import type { ReminderOccasion } from './occasion';

export type OccasionVerdict =
  | { verdict: 'due'; occasion: ReminderOccasion }
  | { verdict: 'not_yet'; occasion: ReminderOccasion }
  /** The deadline or policy changed, or the cycle ended: this occasion is no longer in the schedule. */
  | { verdict: 'not_scheduled' }
  /** A later occasion is due too; it carries the same message, fresher, so this one stays silent. */
  | { verdict: 'superseded'; occasion: ReminderOccasion; by: ReminderOccasion };

/**
 * Decides, when a job fires, whether its occasion still stands. Jobs only trigger: the schedule
 * recomputed from the events is the truth, so a stale or re-added job can never send by itself.
 * After an outage (Redis, the worker) only the newest due occasion goes out, so sections get one
 * current reminder instead of a burst of outdated ones ("7 days left" after the deadline).
 */
export function judgeOccasion(schedule: readonly ReminderOccasion[], occasionId: string, now: Date): OccasionVerdict {
  const occasion = schedule.find((o) => o.occasionId === occasionId);
  if (!occasion) return { verdict: 'not_scheduled' };
  if (Date.parse(occasion.at) > now.getTime()) return { verdict: 'not_yet', occasion };
  const by = [...schedule].reverse().find((o) => o.at > occasion.at && Date.parse(o.at) <= now.getTime());
  return by ? { verdict: 'superseded', occasion, by } : { verdict: 'due', occasion };
}
