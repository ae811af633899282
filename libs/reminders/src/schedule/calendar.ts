/** A calendar date in Japan time, "YYYY-MM-DD". Reminder days are counted on these, never on instants. */
export type IsoDate = string;

/** Which dates are days off besides weekends; the worker plugs in Japanese public holidays. */
export interface HolidayCalendar {
  isHoliday(date: IsoDate): boolean;
}

export const noHolidays: HolidayCalendar = { isHoliday: () => false };

const DAY_MS = 86_400_000;
const utcMidnight = (date: IsoDate) => Date.parse(`${date}T00:00:00Z`);

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

export function isWeekend(date: IsoDate): boolean {
  const weekday = new Date(utcMidnight(date)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export const isBusinessDay = (date: IsoDate, holidays: HolidayCalendar) =>
  !isWeekend(date) && !holidays.isHoliday(date);

/** The date itself when it is a business day, else the nearest one in the given direction. */
export function toBusinessDay(date: IsoDate, direction: -1 | 1, holidays: HolidayCalendar): IsoDate {
  let day = date;
  while (!isBusinessDay(day, holidays)) day = addDays(day, direction);
  return day;
}

/** The instant of a Japan-time wall clock reading ("HH:MM") on a date; Japan has no daylight saving. */
export function jstInstant(date: IsoDate, hhmm: string): Date {
  return new Date(`${date}T${hhmm}:00+09:00`);
}
