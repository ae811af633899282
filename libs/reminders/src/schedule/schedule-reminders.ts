import { tokyoDate } from '@pdca/kernel';
import type { ReminderPolicy } from '@pdca/review';
import { addDays, daysBetween, HolidayCalendar, IsoDate, jstInstant, toBusinessDay } from './calendar';
import { occasionIdOf, ReminderOccasion, ScheduledReminderKind } from './occasion';

export interface CycleRef {
  wardId: string;
  fiscalYear: number;
}

interface Candidate {
  kind: ScheduledReminderKind;
  date: IsoDate;
}

/** When two reminders fall on the same day, the more pressing one is sent. */
const URGENCY: Record<ScheduledReminderKind, number> = { before: 0, 'on-day': 1, overdue: 2, escalation: 3 };

/**
 * The reminder occasions of a cycle, in time order. Days count in Japan time from the deadline's
 * date. With skipWeekendsAndHolidays, a day off before the deadline moves to the previous
 * business day (a reminder must not arrive after the fact) and one after it to the next.
 * Occasions before `from` — the moment this schedule was made — never happen: opening a cycle
 * three days before its deadline does not send the "7 days before" reminder late.
 */
export function scheduleReminders(
  cycle: CycleRef,
  policy: ReminderPolicy,
  deadline: string,
  from: Date,
  holidays: HolidayCalendar,
): ReminderOccasion[] {
  const deadlineDate = tokyoDate(new Date(deadline));
  const byDate = new Map<IsoDate, Candidate>();
  for (const candidate of [
    ...beforeDeadline(policy, deadlineDate, holidays),
    ...afterDeadline(policy, deadlineDate, holidays),
  ]) {
    const kept = byDate.get(candidate.date);
    if (!kept || URGENCY[candidate.kind] > URGENCY[kept.kind]) byDate.set(candidate.date, candidate);
  }
  return [...byDate.values()]
    .map((candidate) => toOccasion(cycle, policy, candidate, deadlineDate))
    .filter((occasion) => Date.parse(occasion.at) >= from.getTime())
    .sort((a, b) => a.at.localeCompare(b.at));
}

function beforeDeadline(policy: ReminderPolicy, deadlineDate: IsoDate, holidays: HolidayCalendar): Candidate[] {
  const shift = (date: IsoDate) => (policy.skipWeekendsAndHolidays ? toBusinessDay(date, -1, holidays) : date);
  const before = policy.daysBefore.map((days): Candidate => ({
    kind: 'before',
    date: shift(addDays(deadlineDate, -days)),
  }));
  return policy.onDeadlineDay ? [...before, { kind: 'on-day', date: shift(deadlineDate) }] : before;
}

function afterDeadline(policy: ReminderPolicy, deadlineDate: IsoDate, holidays: HolidayCalendar): Candidate[] {
  const overdue: Candidate[] = [];
  for (let days = policy.overdueEveryDays; days <= policy.stopAfterDaysOverdue; days += policy.overdueEveryDays) {
    const nominal = addDays(deadlineDate, days);
    const date = policy.skipWeekendsAndHolidays ? toBusinessDay(nominal, 1, holidays) : nominal;
    const daysOverdue = daysBetween(deadlineDate, date);
    if (daysOverdue > policy.stopAfterDaysOverdue) break;
    overdue.push({ kind: daysOverdue >= policy.escalateAfterDaysOverdue ? 'escalation' : 'overdue', date });
  }
  return overdue;
}

function toOccasion(
  cycle: CycleRef,
  policy: ReminderPolicy,
  { kind, date }: Candidate,
  deadlineDate: IsoDate,
): ReminderOccasion {
  return {
    occasionId: occasionIdOf(cycle.wardId, cycle.fiscalYear, kind, date),
    wardId: cycle.wardId,
    fiscalYear: cycle.fiscalYear,
    kind,
    date,
    at: jstInstant(date, policy.sendAtJst).toISOString(),
    daysOverdue: daysBetween(deadlineDate, date),
    escalated: kind === 'escalation',
  };
}
