import type { ReactNode } from 'react';
import { dateLabel } from '../../format/dates';
import { withAside } from '../../format/parentheses';
import { useLanguage } from '../../i18n/language';
import type { Translate } from '../../i18n/language';
import type { TrailEntry } from './trail';

interface RatingLike {
  grade?: string;
  achievement?: string;
  bReason?: string;
  note?: string;
}

/** The letter, B's reason in the cycle's words (the event stores its code), and the note. */
const ratingText = (rating: RatingLike, reasonLabel: (code: string) => string, language: 'ja' | 'en') => {
  const letter = rating.grade ?? rating.achievement ?? '';
  return [
    rating.bReason ? withAside(letter, reasonLabel(rating.bReason), language) : letter,
    rating.note && ` ${rating.note}`,
  ]
    .filter(Boolean)
    .join('');
};

function actualText(actual: unknown): string | undefined {
  if (!actual || typeof actual !== 'object') return undefined;
  const a = actual as { text?: string; value?: string | { text?: string }; asOf?: string };
  if (a.text) return a.text;
  const value = typeof a.value === 'object' ? a.value?.text : a.value;
  return value ? `${value}${a.asOf ? `（${a.asOf}）` : ''}` : undefined;
}

/** The why of an event: comments, reasons, ratings and values it carries, labelled. */
function facts(
  entry: TrailEntry,
  t: Translate,
  language: 'ja' | 'en',
  reasonLabel: (code: string) => string,
): Array<[string, ReactNode]> {
  const d = entry.detail;
  const list: Array<[string, ReactNode]> = [];
  const text = (key: string) => (typeof d[key] === 'string' && d[key] !== '' ? d[key] : undefined);
  if (text('comments')) list.push([t('audit.why.comments'), text('comments')]);
  if (text('comment')) list.push([t('audit.why.comments'), text('comment')]);
  if (text('reason')) list.push([t('audit.why.reason'), text('reason')]);
  const rating = (d.rating ?? d.to) as RatingLike | undefined;
  if (rating && typeof rating === 'object')
    list.push([t('audit.why.rating'), ratingText(rating, reasonLabel, language)]);
  const from = d.from as RatingLike | undefined;
  if (from && typeof from === 'object')
    list.push([t('audit.why.ratingBefore'), ratingText(from, reasonLabel, language)]);
  const actual = actualText(d.actual) ?? actualText((d.draft as { actual?: unknown } | undefined)?.actual);
  if (actual) list.push([t('audit.why.actual'), actual]);
  if (text('deadline')) list.push([t('audit.why.deadline'), dateLabel(text('deadline')!, language)]);
  if (typeof d.version === 'number') list.push([t('audit.why.version'), String(d.version)]);
  return list;
}

export function EventWhy({ entry, reasonLabel }: { entry: TrailEntry; reasonLabel: (code: string) => string }) {
  const { t, language } = useLanguage();
  const list = facts(entry, t, language, reasonLabel);
  return (
    <div className="flex flex-col gap-2">
      {list.length > 0 ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          {list.map(([label, value], index) => (
            <div key={index} className="contents">
              <dt className="font-bold">{label}</dt>
              <dd className="whitespace-pre-wrap break-words">{value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="text-solid-gray-800">{t('audit.why.none')}</p>
      )}
      <details>
        <summary className="cursor-pointer text-dns-14N-130 text-blue-1000">{t('audit.recordDetails')}</summary>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-dns-14N-130">
          <dt>{t('audit.position')}</dt>
          <dd>{entry.position}</dd>
          <dt>{t('audit.revision')}</dt>
          <dd>{entry.revision}</dd>
          <dt>{t('audit.stream')}</dt>
          <dd className="break-all">{entry.stream}</dd>
          <dt>{t('audit.correlation')}</dt>
          <dd className="break-all">{entry.correlationId}</dd>
          {entry.hash && (
            <>
              <dt>{t('audit.hash')}</dt>
              <dd className="break-all font-mono">{entry.hash}</dd>
            </>
          )}
        </dl>
        <pre className="mt-2 max-h-64 overflow-auto whitespace-pre-wrap break-all rounded-4 bg-solid-gray-50 p-2 text-dns-14N-130">
          {JSON.stringify(
            entry.detail,
            (key: string, value: unknown) =>
              key === 'scope' || key === 'chainHeads' ? `[${Array.isArray(value) ? value.length : '…'}]` : value,
            2,
          )}
        </pre>
      </details>
    </div>
  );
}
