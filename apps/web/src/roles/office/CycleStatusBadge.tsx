import type { CycleStatus } from '../../api/types';
import { useLanguage } from '../../i18n/language';

const STYLE: Record<CycleStatus, string> = {
  open: 'border-blue-900 bg-blue-50 text-blue-1100',
  closed: 'border-solid-gray-700 bg-solid-gray-50 text-solid-gray-900',
  published: 'border-success-2 bg-green-50 text-green-1200',
};

/** The cycle's status in words, the border and tint only repeat it. */
export function CycleStatusBadge({ status }: { status: CycleStatus }) {
  const { t } = useLanguage();
  return (
    <span className={`inline-block whitespace-nowrap rounded-4 border px-2 py-0.5 text-dns-14B-130 ${STYLE[status]}`}>
      {t(`home.cycleStatus.${status}`)}
    </span>
  );
}
