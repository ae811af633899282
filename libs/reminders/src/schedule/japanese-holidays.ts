import holidayJp from '@holiday-jp/holiday_jp';
import type { HolidayCalendar, IsoDate } from './calendar';

/**
 * The days a ward office is closed besides weekends (行政機関の休日に関する法律 and the wards'
 * ordinances): national holidays, substitute holidays and citizens' holidays from holiday_jp's
 * maintained data set, plus the year-end closure from December 29 to January 3.
 * Looked up by date string, so the server's own time zone never matters.
 */
export const wardOfficeHolidays: HolidayCalendar = {
  isHoliday(date: IsoDate): boolean {
    return date in holidayJp.holidays || isYearEndClosure(date);
  },
};

function isYearEndClosure(date: IsoDate): boolean {
  const monthDay = date.slice(5);
  return monthDay >= '12-29' || monthDay <= '01-03';
}

/** The holiday's Japanese name, for tests and messages ("憲法記念日"). */
export function holidayName(date: IsoDate): string | undefined {
  return (holidayJp.holidays as Record<string, { name: string } | undefined>)[date]?.name;
}
