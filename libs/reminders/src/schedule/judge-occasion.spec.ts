import { DEFAULT_REMINDER_POLICY } from '@pdca/review';
import { noHolidays } from './calendar';
import { judgeOccasion } from './judge-occasion';
import { scheduleReminders } from './schedule-reminders';

const schedule = scheduleReminders(
  { wardId: 'nerima', fiscalYear: 2022 },
  DEFAULT_REMINDER_POLICY,
  '2023-05-31T14:59:59.999Z',
  new Date('2023-04-03T00:00:00Z'),
  noHolidays,
);
const when = (occasionId: string, now: string) => judgeOccasion(schedule, occasionId, new Date(now));

describe('judging an occasion when its job fires', () => {
  it('sends a due occasion', () => {
    expect(when('nerima:2022:before:2023-05-24', '2023-05-24T00:00:00Z')).toMatchObject({
      verdict: 'due',
      occasion: { kind: 'before', daysOverdue: -7 },
    });
  });

  it('waits for an occasion that is not due yet by the clock', () => {
    expect(when('nerima:2022:on-day:2023-05-31', '2023-05-30T23:59:59Z').verdict).toBe('not_yet');
  });

  it('stays silent when a later occasion is due too (after an outage): the newest one speaks', () => {
    expect(when('nerima:2022:before:2023-05-24', '2023-05-31T01:00:00Z')).toMatchObject({
      verdict: 'superseded',
      by: { occasionId: 'nerima:2022:on-day:2023-05-31' },
    });
  });

  it('ignores a job whose occasion left the schedule (deadline extended, policy changed)', () => {
    expect(when('nerima:2022:before:2023-05-25', '2023-05-25T00:00:00Z').verdict).toBe('not_scheduled');
  });
});
