import { createHash } from 'node:crypto';
import type { JobsOptions } from 'bullmq';
import type { ReminderTuning } from '../reminder-tuning';

/** The injection token of the reminders' BullMQ Queue (its name comes from REMINDER_QUEUE). */
export const REMINDER_QUEUE = Symbol('REMINDER_QUEUE');

export const OCCASION_JOB = 'occasion';
export const ONE_OFF_JOB = 'one-off';
/** One section's reminder: what fan-outs pushed before groups (still run, e.g. left in Redis by an older worker). */
export const SEND_JOB = 'send';
/** The reminders of a group of sections of one occasion: what a fan-out pushes. */
export const SEND_GROUP_JOB = 'sends';

/** Ids only — no names, no addresses: everything else is looked up when the job runs. */
export interface OccasionJobData {
  wardId: string;
  fiscalYear: number;
  occasionId: string;
  /** When the occasion is due (ISO): lets tests and operators promote due jobs. */
  dueAt: string;
}

/** A one-off reminder the planning office asked for: the request (sections, note) is read from its stream. */
export interface OneOffJobData extends OccasionJobData {
  requestId: string;
}

export interface SendJobData extends OccasionJobData {
  sectionId: string;
  /** Set for the sections of a one-off reminder. */
  requestId?: string;
}

export interface SendGroupJobData extends OccasionJobData {
  /** Sorted; at most ReminderTuning.groupSize. */
  sectionIds: string[];
  requestId?: string;
}

export type ReminderJobData = OccasionJobData | OneOffJobData | SendJobData | SendGroupJobData;

/** BullMQ forbids ":" in custom job ids; "~" never occurs in ward, section or date ids. */
const safe = (id: string) => id.replaceAll(':', '~');

export const occasionJobId = (occasionId: string) => `occasion~${safe(occasionId)}`;

const DAY_S = 86_400;
/** Finished jobs stay visible on the dashboard for a while; the ledger, not Redis, is the record. */
const retention = { removeOnComplete: { age: 90 * DAY_S }, removeOnFail: { age: 180 * DAY_S } };

export const occasionJobOptions = (occasionId: string, delay: number, tuning: ReminderTuning): JobsOptions => ({
  jobId: occasionJobId(occasionId),
  delay,
  attempts: 10,
  backoff: { type: 'exponential', delay: tuning.backoffMs },
  ...retention,
});

/** Due at once; the occasion id holds the request id, so a replay or a second worker adds it once. */
export const oneOffJobOptions = (occasionId: string, tuning: ReminderTuning): JobsOptions =>
  occasionJobOptions(occasionId, 0, tuning);

/**
 * Named by its first section and a digest of all: the same group again (a replay, a retried
 * fan-out) is added once, while a different set of late sections is a new job (the ledger keeps
 * a section that is in both from being sent twice).
 */
export const sendGroupJobId = (occasionId: string, sectionIds: string[]) =>
  `sends~${safe(occasionId)}~${safe(sectionIds[0])}~${createHash('sha256').update(sectionIds.join('\n')).digest('hex').slice(0, 12)}`;

/**
 * The late sections of an occasion in groups of tuning.groupSize, a job each: BullMQ's three
 * scripts per job (fetch, progress, completion) are paid per group, not per e-mail.
 */
export function sendGroupJobs(
  occasion: Omit<SendGroupJobData, 'sectionIds'>,
  sectionIds: string[],
  tuning: ReminderTuning,
) {
  const jobs = [];
  for (let i = 0; i < sectionIds.length; i += tuning.groupSize) {
    const group = sectionIds.slice(i, i + tuning.groupSize);
    jobs.push({
      name: SEND_GROUP_JOB,
      data: { ...occasion, sectionIds: group },
      opts: {
        jobId: sendGroupJobId(occasion.occasionId, group),
        attempts: tuning.sendAttempts,
        backoff: { type: 'exponential', delay: tuning.backoffMs },
        ...retention,
      } satisfies JobsOptions,
    });
  }
  return jobs;
}
