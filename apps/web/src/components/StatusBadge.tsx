import type { ItemStatus, Rating } from '../api/types';
import { useLanguage } from '../i18n/language';
import type { MessageKey } from '../i18n/messages.ja';
import { withAside } from '../format/parentheses';

const STATUS_STYLE: Record<ItemStatus, string> = {
  not_started: 'border-solid-gray-700 bg-white text-solid-gray-900',
  draft: 'border-blue-900 bg-blue-50 text-blue-1100',
  submitted: 'border-light-blue-1000 bg-light-blue-50 text-light-blue-1200',
  returned: 'border-error-2 bg-red-50 text-red-1100',
  approved: 'border-success-2 bg-green-50 text-green-1200',
};

/** Status in words, with a border and tint that repeat it (never colour alone). */
export function StatusBadge({ status, late }: { status: ItemStatus; late?: boolean }) {
  const { t } = useLanguage();
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span
        className={`inline-block whitespace-nowrap rounded-4 border px-2 py-0.5 text-dns-14B-130 ${STATUS_STYLE[status]}`}
      >
        {t(`status.${status}` as MessageKey)}
      </span>
      {late && (
        <span className="inline-block whitespace-nowrap rounded-4 border border-warning-orange-2 bg-orange-50 px-2 py-0.5 text-dns-14B-130 text-orange-1100">
          {t('status.late')}
        </span>
      )}
    </span>
  );
}

export function ratingLetter(rating: Rating | undefined): string | undefined {
  if (!rating) return undefined;
  return rating.scheme === 'taisho' ? rating.achievement : rating.grade;
}

/** What a letter means; an ordinal grade's meaning lives in its cycle's scale, which the lists do not load. */
function ratingMeaning(rating: Rating, letter: string, t: (key: MessageKey) => string): string | undefined {
  switch (rating.scheme) {
    case 'nerima':
      return t(`grade.${letter}` as MessageKey);
    case 'taisho':
      return t(`achievement.${letter}` as MessageKey);
    case 'ordinal':
      return undefined;
  }
}

/** The rating letter itself (A+, A, B, *, -), with its meaning as text for screen readers and a title. */
export function RatingBadge({ rating }: { rating: Rating | undefined }) {
  const { t, language } = useLanguage();
  const letter = ratingLetter(rating);
  if (!letter) return <span className="text-solid-gray-700">{t('rating.none')}</span>;
  const meaning = rating && ratingMeaning(rating, letter, t);
  return (
    <span className="inline-flex items-center gap-2">
      <span
        className="inline-flex min-w-9 justify-center rounded-4 border-2 border-solid-gray-800 bg-white px-1 font-bold"
        aria-hidden="true"
      >
        {letter}
      </span>
      <span className="sr-only">{meaning ? withAside(letter, meaning, language) : letter}</span>
      {meaning && (
        <span className="text-dns-14N-130 text-solid-gray-700" aria-hidden="true">
          {meaning}
        </span>
      )}
    </span>
  );
}
