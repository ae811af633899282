/** Knobs with production defaults; tests shorten them instead of sleeping. */
export interface ReminderTuning {
  /** Tries per e-mail before a ReminderFailed is recorded. */
  sendAttempts: number;
  /** First retry delay; each next one doubles (BullMQ exponential backoff). */
  backoffMs: number;
  /** How often Redis is looked at (reachable? restarted? data lost?). */
  redisWatchMs: number;
  /** Jobs processed at once by this worker process: enough to keep every pooled SMTP connection busy. */
  concurrency: number;
}

export const DEFAULT_TUNING: ReminderTuning = {
  sendAttempts: 5,
  backoffMs: 30_000,
  redisWatchMs: 1_000,
  concurrency: 16,
};

export const REMINDER_TUNING = Symbol('REMINDER_TUNING');
