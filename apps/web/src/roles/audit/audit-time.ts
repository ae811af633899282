import type { Language } from '../../i18n/language';

const TOKYO = 'Asia/Tokyo';
const eraDate = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: TOKYO,
});
const parts = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZone: TOKYO,
});
const gannen = (text: string) => text.replace(/(明治|大正|昭和|平成|令和)1年/, '$1元年');

/** The instant's wall clock in Japan: { date: '2026-12-06', time: '19:23:05' }. */
function tokyoClock(date: Date): { date: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(date).map((part) => [part.type, part.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}:${p.second}` };
}

/**
 * An auditor reads the second an event was recorded (it is what the as-known view takes):
 * 令和8年12月6日 19:23:05（2026-12-06 日本時間）, in Japan time whatever the browser's zone.
 */
export function auditTimeLabel(value: string, language: Language): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const { date: western, time } = tokyoClock(date);
  const era = gannen(eraDate.format(date));
  return language === 'ja' ? `${era} ${time}（${western} 日本時間）` : `${western} ${time} JST (${era})`;
}

/** The value of a datetime-local field (seconds included) for an instant, in Japan time. */
export function toTokyoInput(value: string | Date): string {
  const { date, time } = tokyoClock(typeof value === 'string' ? new Date(value) : value);
  return `${date}T${time}`;
}

/** A datetime-local value read as Japan time (the service's users are in Japan), as an ISO instant with its offset. */
export function fromTokyoInput(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?/.exec(value);
  if (!match) return undefined;
  return `${match[1]}T${match[2]}:${match[3] ?? '00'}+09:00`;
}
