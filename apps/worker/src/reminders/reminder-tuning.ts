/** Knobs with production defaults; tests shorten them instead of sleeping. */
export interface ReminderTuning {
  /** Tries per e-mail before a ReminderFailed is recorded. */
  sendAttempts: number;
  /** First retry delay; each next one doubles (BullMQ exponential backoff). */
  backoffMs: number;
  /** How often Redis is looked at (reachable? restarted? data lost?). */
  redisWatchMs: number;
  /** Sections per send job of a fan-out (see sendGroupJobs). */
  groupSize: number;
  /** Jobs processed at once by this worker process (REMINDER_CONCURRENCY in production). */
  concurrency: number;
}

/** Concurrency comes from REMINDER_CONCURRENCY (validated with the environment). */
export const DEFAULT_TUNING: Omit<ReminderTuning, 'concurrency'> = {
  sendAttempts: 5,
  backoffMs: 30_000,
  redisWatchMs: 1_000,
  groupSize: 50,
};

export const REMINDER_TUNING = Symbol('REMINDER_TUNING');
