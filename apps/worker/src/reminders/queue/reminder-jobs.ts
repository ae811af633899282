import type { JobsOptions } from 'bullmq';
import type { ReminderTuning } from '../reminder-tuning';

/** The injection token of the reminders' BullMQ Queue (its name comes from REMINDER_QUEUE). */
export const REMINDER_QUEUE = Symbol('REMINDER_QUEUE');

export const OCCASION_JOB = 'occasion';
export const ONE_OFF_JOB = 'one-off';
export const SEND_JOB = 'send';

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

export type ReminderJobData = OccasionJobData | OneOffJobData | SendJobData;

/** BullMQ forbids ":" in custom job ids; "~" never occurs in ward, section or date ids. */
const safe = (id: string) => id.replaceAll(':', '~');

export const occasionJobId = (occasionId: string) => `occasion~${safe(occasionId)}`;
export const sendJobId = (occasionId: string, sectionId: string) => `send~${safe(occasionId)}~${safe(sectionId)}`;

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

export const sendJobOptions = (occasionId: string, sectionId: string, tuning: ReminderTuning): JobsOptions => ({
  jobId: sendJobId(occasionId, sectionId),
  attempts: tuning.sendAttempts,
  backoff: { type: 'exponential', delay: tuning.backoffMs },
  ...retention,
});
