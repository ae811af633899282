/**
 * Japanese fiscal years run April 1 – March 31 and are named by the year they start:
 * 令和4年度 = FY2022 = 2022-04-01 … 2023-03-31. Dates are judged in Japan time.
 */
const TOKYO = 'Asia/Tokyo';

const eraYearFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { timeZone: TOKYO, era: 'long', year: 'numeric' });
const eraDateFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  timeZone: TOKYO,
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});
const tokyoParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TOKYO,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The fiscal year (by its starting Western year) that contains the given instant in Japan time. */
export function fiscalYearOf(instant: Date): number {
  const [year, month] = tokyoParts.format(instant).split('-').map(Number);
  return month >= 4 ? year : year - 1;
}

/** "令和4年度" for 2022; "元年" is written as the ward does for the first era year. */
export function warekiFiscalYear(fiscalYear: number): string {
  let label = warekiLabels.get(fiscalYear);
  if (label === undefined) {
    // Mid-fiscal-year date avoids the era boundary (the Reiwa era began 2019-05-01, inside FY2019).
    const era = eraYearFormat.format(new Date(Date.UTC(fiscalYear, 9, 1, 3)));
    label = `${era.replace(/^(\D+)1年$/, '$1元年')}度`;
    warekiLabels.set(fiscalYear, label);
  }
  return label;
}

/** Formatting through Intl is slow and every letter, table and report asks for the same few years. */
const warekiLabels = new Map<number, string>();

/** "令和4年度（2022年度）" */
export function fiscalYearLabel(fiscalYear: number): string {
  return `${warekiFiscalYear(fiscalYear)}（${fiscalYear}年度）`;
}

/** "令和5年3月31日（2023年3月31日）" in Japan time. */
export function dateLabel(instant: Date): string {
  const [y, m, d] = tokyoParts.format(instant).split('-').map(Number);
  return `${eraDateFormat.format(instant).replace(/^(\D+)1年/, '$1元年')}（${y}年${m}月${d}日）`;
}

/** The ISO calendar date (YYYY-MM-DD) of an instant in Japan time. */
export function tokyoDate(instant: Date): string {
  return tokyoParts.format(instant);
}

const tokyoMinutes = new Intl.DateTimeFormat('en-CA', {
  timeZone: TOKYO,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "2023-05-24 09:00": an instant as Japan time to the minute, for tables and CSV that people read. */
export function tokyoDateTime(instant: Date): string {
  const part = Object.fromEntries(tokyoMinutes.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}
