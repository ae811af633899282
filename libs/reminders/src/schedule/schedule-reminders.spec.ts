import { DEFAULT_REMINDER_POLICY, ReminderPolicy } from '@pdca/review';
import { noHolidays } from './calendar';
import { holidayName, wardOfficeHolidays } from './japanese-holidays';
import { scheduleReminders } from './schedule-reminders';

const nerima = { wardId: 'nerima', fiscalYear: 2022 };
/** A date-only deadline means the end of that day in Japan, as the API stores it. */
const endOfDay = (date: string) => new Date(`${date}T23:59:59.999+09:00`).toISOString();

function givenPolicy(policy: Partial<ReminderPolicy> = {}) {
  return {
    whenScheduled(deadline: string, from = '2023-04-03T00:00:00Z', holidays = wardOfficeHolidays) {
      const occasions = scheduleReminders(
        nerima,
        { ...DEFAULT_REMINDER_POLICY, ...policy },
        endOfDay(deadline),
        new Date(from),
        holidays,
      );
      return {
        thenDays: (expected: [string, string][]) => expect(occasions.map((o) => [o.date, o.kind])).toEqual(expected),
        then: (check: (o: typeof occasions) => void) => check(occasions),
      };
    },
  };
}

describe('reminder schedule of a cycle', () => {
  it('reminds 7 and 1 days before, on the day, then every 3 days overdue, escalating from 7 days, until 30 days', () => {
    givenPolicy()
      .whenScheduled('2023-05-31')
      .thenDays([
        ['2023-05-24', 'before'],
        ['2023-05-30', 'before'],
        ['2023-05-31', 'on-day'],
        ['2023-06-05', 'overdue'], // day 3 is Saturday June 3: moved to Monday
        ['2023-06-06', 'overdue'],
        ['2023-06-09', 'escalation'],
        ['2023-06-12', 'escalation'],
        ['2023-06-15', 'escalation'],
        ['2023-06-19', 'escalation'],
        ['2023-06-21', 'escalation'],
        ['2023-06-26', 'escalation'],
        ['2023-06-27', 'escalation'],
        ['2023-06-30', 'escalation'],
      ]);
  });

  it('sends at the policy time in Japan and names each occasion deterministically', () => {
    givenPolicy({ sendAtJst: '17:30' })
      .whenScheduled('2023-05-31')
      .then((occasions) => {
        expect(occasions[0]).toEqual({
          occasionId: 'nerima:2022:before:2023-05-24',
          wardId: 'nerima',
          fiscalYear: 2022,
          kind: 'before',
          date: '2023-05-24',
          at: '2023-05-24T08:30:00.000Z',
          daysOverdue: -7,
          escalated: false,
        });
        expect(occasions.find((o) => o.kind === 'escalation')).toMatchObject({
          occasionId: 'nerima:2022:escalation:2023-06-09',
          daysOverdue: 9,
          escalated: true,
        });
      });
  });

  it('moves a reminder before the deadline back over Golden Week, from the public holiday data', () => {
    expect([holidayName('2023-05-03'), holidayName('2023-05-04'), holidayName('2023-05-05')]).toEqual([
      '憲法記念日',
      'みどりの日',
      'こどもの日',
    ]);
    givenPolicy({ overdueEveryDays: 30, stopAfterDaysOverdue: 0, escalateAfterDaysOverdue: 0 })
      .whenScheduled('2023-05-08')
      .thenDays([
        ['2023-05-01', 'before'],
        ['2023-05-02', 'before'],
        ['2023-05-08', 'on-day'],
      ]);
  });

  it('keeps weekends and holidays when the policy says not to skip them', () => {
    givenPolicy({
      skipWeekendsAndHolidays: false,
      overdueEveryDays: 30,
      stopAfterDaysOverdue: 0,
      escalateAfterDaysOverdue: 0,
    })
      .whenScheduled('2023-05-08')
      .thenDays([
        ['2023-05-01', 'before'],
        ['2023-05-07', 'before'],
        ['2023-05-08', 'on-day'],
      ]);
  });

  it('sends one reminder, the on-day one, when a deadline on a holiday moves onto the day before', () => {
    givenPolicy({ stopAfterDaysOverdue: 0, escalateAfterDaysOverdue: 0 })
      .whenScheduled('2023-11-03')
      .then((occasions) => {
        expect(occasions.map((o) => [o.date, o.kind, o.daysOverdue])).toEqual([
          ['2023-10-27', 'before', -7],
          ['2023-11-02', 'on-day', -1],
        ]);
      });
  });

  it('skips the year-end closure (December 29 to January 3) like a holiday', () => {
    givenPolicy({ daysBefore: [], onDeadlineDay: false, overdueEveryDays: 3, stopAfterDaysOverdue: 7 })
      .whenScheduled('2023-12-28', '2023-12-01T00:00:00Z')
      .thenDays([['2024-01-04', 'escalation']]);
    givenPolicy({ daysBefore: [], onDeadlineDay: false, overdueEveryDays: 3, stopAfterDaysOverdue: 7 })
      .whenScheduled('2023-12-28', '2023-12-01T00:00:00Z', noHolidays)
      .thenDays([
        ['2024-01-01', 'overdue'],
        ['2024-01-03', 'overdue'],
      ]);
  });

  it('never schedules what was already past when the schedule was made', () => {
    givenPolicy({ stopAfterDaysOverdue: 6 })
      .whenScheduled('2023-05-31', '2023-05-29T00:00:00Z')
      .thenDays([
        ['2023-05-30', 'before'],
        ['2023-05-31', 'on-day'],
        ['2023-06-05', 'overdue'],
        ['2023-06-06', 'overdue'],
      ]);
  });
});
