import { ruleViolation } from '@pdca/kernel';

/**
 * When late sections are reminded, set per cycle. Days are calendar days in Japan time relative
 * to the deadline's date; a reminder that falls on a weekend or public holiday moves to the
 * previous business day before the deadline and to the next one after it.
 */
export interface ReminderPolicy {
  daysBefore: number[];
  onDeadlineDay: boolean;
  overdueEveryDays: number;
  /** From this many days overdue on, reminders also go to the section head and the planning office. */
  escalateAfterDaysOverdue: number;
  /** Stop reminding after this many days overdue (the planning office takes over by phone). */
  stopAfterDaysOverdue: number;
  skipWeekendsAndHolidays: boolean;
  /** Local time of day in Japan, "HH:MM". */
  sendAtJst: string;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  daysBefore: [7, 1],
  onDeadlineDay: true,
  overdueEveryDays: 3,
  escalateAfterDaysOverdue: 7,
  stopAfterDaysOverdue: 30,
  skipWeekendsAndHolidays: true,
  sendAtJst: '09:00',
};

export function assertValidReminderPolicy(policy: ReminderPolicy): void {
  const bad = (field: string, ja: string, en: string) =>
    ruleViolation('INVALID_REMINDER_POLICY', ja, en, { field: `reminderPolicy.${field}` });
  if (!policy.daysBefore.every((d) => Number.isInteger(d) && d > 0 && d <= 60))
    throw bad(
      'daysBefore',
      '締切前の日数は1〜60の整数で指定してください。',
      'daysBefore must be whole days from 1 to 60.',
    );
  if (!Number.isInteger(policy.overdueEveryDays) || policy.overdueEveryDays < 1)
    throw bad('overdueEveryDays', '督促の間隔は1日以上にしてください。', 'overdueEveryDays must be at least 1.');
  if (!Number.isInteger(policy.escalateAfterDaysOverdue) || policy.escalateAfterDaysOverdue < 0)
    throw bad(
      'escalateAfterDaysOverdue',
      'エスカレーションまでの日数は0以上にしてください。',
      'escalateAfterDaysOverdue must be 0 or more.',
    );
  if (!Number.isInteger(policy.stopAfterDaysOverdue) || policy.stopAfterDaysOverdue < policy.escalateAfterDaysOverdue)
    throw bad(
      'stopAfterDaysOverdue',
      '督促の終了日数はエスカレーション以降にしてください。',
      'stopAfterDaysOverdue must not come before escalation.',
    );
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(policy.sendAtJst))
    throw bad('sendAtJst', '送信時刻は HH:MM 形式で指定してください。', 'sendAtJst must be HH:MM.');
}
