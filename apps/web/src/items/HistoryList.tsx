import { dateTimeLabel } from '../format/dates';
import { useLanguage } from '../i18n/language';
import type { MessageKey } from '../i18n/messages.ja';
import { ratingLetter } from '../components/StatusBadge';
import type { Rating } from '../api/types';
import { actualStrings } from './actual';
import type { HistoryEntry } from './use-item';
import { withAside } from '../format/parentheses';

const KNOWN_EVENTS = [
  'DraftSaved',
  'ActualSubmitted',
  'ItemRated',
  'SubmissionWithdrawn',
  'SubmissionApproved',
  'SubmissionReturned',
  'RatingAdjusted',
  'EvaluationCorrected',
  'EvaluationImported',
  'EvaluationImportReverted',
];

function why(entry: HistoryEntry): string | undefined {
  const d = entry.detail;
  const text = d.comments ?? d.comment ?? d.reason;
  const rating = (d.rating ?? d.to) as Rating | undefined;
  const parts = [
    rating && typeof rating === 'object' ? ratingLetter(rating) : undefined,
    typeof text === 'string' ? text : undefined,
  ];
  const actual = actualStrings(d.actual as Record<string, unknown> | undefined);
  if (entry.event !== 'DraftSaved') parts.push(actual.text ?? actual.value);
  return parts.filter(Boolean).join(' / ') || undefined;
}

/** Every step of the item: what, who, in which role, when, and why (the council's words included). */
export function HistoryList({ history }: { history: HistoryEntry[] }) {
  const { t, language } = useLanguage();
  const shown = history.filter((entry) => entry.event !== 'DraftSaved');
  if (shown.length === 0) return <p className="text-solid-gray-700">{t('history.empty')}</p>;
  return (
    <ol className="flex flex-col gap-3 border-l-4 border-solid-gray-200 pl-4">
      {shown.map((entry) => (
        <li key={entry.revision} className="flex flex-col gap-1">
          <span className="text-dns-16B-130">
            {KNOWN_EVENTS.includes(entry.event) ? t(`event.${entry.event}` as MessageKey) : entry.event}
          </span>
          <span className="text-dns-14N-130 text-solid-gray-700">
            {dateTimeLabel(entry.at, language)} ·{' '}
            {withAside(entry.actor, t(`role.${entry.role}` as MessageKey) ?? entry.role, language)}
          </span>
          {why(entry) && <span className="whitespace-pre-wrap">{why(entry)}</span>}
        </li>
      ))}
    </ol>
  );
}
