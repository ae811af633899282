import { Button } from '../../components/Button';
import { useLanguage } from '../../i18n/language';
import { QUEUE_PAGE_SIZE } from './queue-page';

/** Previous / next with "page n of m" between them; nothing when everything fits on one page. */
export function QueuePager({
  page,
  pages,
  from,
  count,
  onChange,
}: {
  page: number;
  pages: number;
  from: number;
  count: number;
  onChange: (page: number) => void;
}) {
  const { t } = useLanguage();
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('council.pages')} className="flex flex-wrap items-center gap-4">
      <Button variant="secondary" size="sm" isDisabled={page <= 1} onPress={() => onChange(page - 1)}>
        {t('council.pagePrevious', { size: QUEUE_PAGE_SIZE })}
      </Button>
      <span className="text-std-16N-170">{t('council.pageOf', { from: from + 1, to: from + count, page, pages })}</span>
      <Button variant="secondary" size="sm" isDisabled={page >= pages} onPress={() => onChange(page + 1)}>
        {t('council.pageNext', { size: QUEUE_PAGE_SIZE })}
      </Button>
    </nav>
  );
}
