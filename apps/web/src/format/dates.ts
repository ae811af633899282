import type { Language } from '../i18n/language';

const TOKYO = 'Asia/Tokyo';
const eraYear = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: TOKYO });
const eraDate = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: TOKYO,
});
const eraDateTime = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: TOKYO,
});
const westernDate = new Intl.DateTimeFormat('ja-JP', {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  timeZone: TOKYO,
});
const englishDate = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: TOKYO,
});
const englishDateTime = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: TOKYO,
  timeZoneName: 'short',
});

/** 元年: Intl prints "令和1年"; official documents write 元年. */
const gannen = (text: string) => text.replace(/(明治|大正|昭和|平成|令和)1年/, '$1元年');

/** A fiscal year starts on April 1 (Japan time); its era is the era of that day. */
export function fiscalYearLabel(fiscalYear: number, language: Language): string {
  const aprilFirst = new Date(Date.UTC(fiscalYear, 3, 1, 3));
  const era = gannen(eraYear.format(aprilFirst));
  return language === 'ja' ? `${era}度（${fiscalYear}年度）` : `FY${fiscalYear} (${era}度)`;
}

const asDate = (value: string | Date) => (typeof value === 'string' ? new Date(value) : value);

/** 令和5年5月31日（2023/5/31）, in Japan time whatever the browser's zone. */
export function dateLabel(value: string | Date, language: Language): string {
  const date = asDate(value);
  if (Number.isNaN(date.getTime())) return String(value);
  if (language === 'en') return `${englishDate.format(date)} (${gannen(eraDate.format(date))})`;
  return `${gannen(eraDate.format(date))}（${westernDate.format(date)}）`;
}

export function dateTimeLabel(value: string | Date, language: Language): string {
  const date = asDate(value);
  if (Number.isNaN(date.getTime())) return String(value);
  if (language === 'en') return englishDateTime.format(date);
  return `${gannen(eraDateTime.format(date))}（${westernDate.format(date)}）`;
}

const DAY_MS = 86_400_000;
const tokyoDay = (date: Date) => Math.floor((date.getTime() + 9 * 3_600_000) / DAY_MS);

/** Whole calendar days (Japan time) from today to the deadline: 0 on the day, negative when late. */
export function daysUntil(deadline: string, now: Date = new Date()): number {
  return tokyoDay(new Date(deadline)) - tokyoDay(now);
}
