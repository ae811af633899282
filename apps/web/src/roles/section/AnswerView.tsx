import type { ItemView, Rating } from '../../api/types';
import { RatingBadge } from '../../components/StatusBadge';
import { useLanguage } from '../../i18n/language';
import { actualStrings } from '../../items/actual';

/** A submitted or someone else's answer, read-only: actual, rating, B reason, note. */
export function AnswerView({
  view,
  rating,
  bReasons,
}: {
  view: ItemView;
  rating?: Rating;
  bReasons: Array<{ code: string; label: string }>;
}) {
  const { t } = useLanguage();
  const stored = actualStrings(view.actual);
  const actual =
    view.kind === 'project' ? stored.text : stored.value ? `${stored.value}（${stored.asOf ?? ''}）` : undefined;
  const shown = rating ?? view.sectionRating ?? view.effectiveRating;
  const bReason =
    shown?.scheme === 'nerima' && shown.bReason
      ? (bReasons.find((r) => r.code === shown.bReason)?.label ?? shown.bReason)
      : undefined;
  return (
    <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[12rem_1fr]">
      <dt className="text-dns-16B-130 text-solid-gray-800">{t('item.actual')}</dt>
      <dd className="mb-2 whitespace-pre-wrap sm:mb-0">{actual ?? t('common.unknown')}</dd>
      {(view.kind === 'project' || shown) && (
        <>
          <dt className="text-dns-16B-130 text-solid-gray-800">{t('rating.grade')}</dt>
          <dd className="mb-2 sm:mb-0">
            <RatingBadge rating={shown} />
          </dd>
        </>
      )}
      {bReason && (
        <>
          <dt className="text-dns-16B-130 text-solid-gray-800">{t('rating.bReason')}</dt>
          <dd className="mb-2 sm:mb-0">{bReason}</dd>
        </>
      )}
      {shown?.note && (
        <>
          <dt className="text-dns-16B-130 text-solid-gray-800">{t('rating.note')}</dt>
          <dd className="mb-2 whitespace-pre-wrap sm:mb-0">{shown.note}</dd>
        </>
      )}
      {shown?.scheme === 'taisho' && (
        <>
          <dt className="text-dns-16B-130 text-solid-gray-800">{t('rating.performanceTarget')}</dt>
          <dd className="mb-2 sm:mb-0">{shown.performanceTarget || t('common.unknown')}</dd>
          <dt className="text-dns-16B-130 text-solid-gray-800">{t('rating.withdrawalCriterion')}</dt>
          <dd className="mb-2 sm:mb-0">
            {shown.withdrawalCriterion || t('common.unknown')}
            {shown.withdrawalCriterionHit ? `（${t('rating.withdrawalCriterionHit')}）` : ''}
          </dd>
          {shown.implementedAsPlanned !== undefined && (
            <>
              <dt className="text-dns-16B-130 text-solid-gray-800">{t('rating.implementedAsPlanned')}</dt>
              <dd className="mb-2 sm:mb-0">
                {t(shown.implementedAsPlanned ? 'rating.implementedAsPlanned.yes' : 'rating.implementedAsPlanned.no')}
              </dd>
            </>
          )}
          {shown.issues && (
            <>
              <dt className="text-dns-16B-130 text-solid-gray-800">{t('rating.issues')}</dt>
              <dd className="mb-2 whitespace-pre-wrap sm:mb-0">{shown.issues}</dd>
            </>
          )}
          {shown.improvements && (
            <>
              <dt className="text-dns-16B-130 text-solid-gray-800">{t('rating.improvements')}</dt>
              <dd className="mb-2 whitespace-pre-wrap sm:mb-0">{shown.improvements}</dd>
            </>
          )}
        </>
      )}
    </dl>
  );
}
