import { dateLabel, fiscalYearLabel, fiscalYearOf, tokyoDateTime, warekiFiscalYear } from './fiscal-year';

describe('fiscal year and 和暦', () => {
  it('names fiscal years in both calendars', () => {
    expect(warekiFiscalYear(2022)).toBe('令和4年度');
    expect(warekiFiscalYear(2018)).toBe('平成30年度');
    expect(warekiFiscalYear(2019)).toBe('令和元年度');
    expect(fiscalYearLabel(2022)).toBe('令和4年度（2022年度）');
  });

  it('puts March 31 in the fiscal year that began the April before, judged in Japan time', () => {
    expect(fiscalYearOf(new Date('2023-03-31T14:59:59Z'))).toBe(2022); // 23:59:59 JST on March 31
    expect(fiscalYearOf(new Date('2023-03-31T15:00:00Z'))).toBe(2023); // 00:00 JST on April 1
  });

  it('prints a date in 和暦 and Western form in Japan time, even from a UTC instant late in the day', () => {
    expect(dateLabel(new Date('2023-09-13T16:00:00Z'))).toBe('令和5年9月14日（2023年9月14日）');
  });
});

describe('tokyoDateTime', () => {
  it('prints an instant in Japan time to the minute', () => {
    expect(tokyoDateTime(new Date('2023-05-24T00:00:00Z'))).toBe('2023-05-24 09:00');
    expect(tokyoDateTime(new Date('2023-03-31T15:00:00Z'))).toBe('2023-04-01 00:00');
  });
});
