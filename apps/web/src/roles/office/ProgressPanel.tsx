import type { ReactNode } from 'react';
import type { ItemStatus } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { useLanguage } from '../../i18n/language';
import type { SectionProgress } from './section-progress';
import { totals } from './section-progress';

const COUNTED: ItemStatus[] = ['not_started', 'draft', 'submitted', 'returned', 'approved'];

/** Counts in a cell: a zero is quiet, anything owed is bold. */
const count = (n: number, strong = false): ReactNode =>
  n === 0 ? <span className="text-solid-gray-700">0</span> : strong ? <strong>{n}</strong> : n;

/** Per section: how many items in each status, how many owed past the deadline. */
export function ProgressPanel({ rows, daysLeft }: { rows: SectionProgress[]; daysLeft: number | undefined }) {
  const { t } = useLanguage();
  const sum = totals(rows);
  return (
    <section aria-labelledby="progress" className="flex flex-col gap-3">
      <h2 id="progress" className="text-std-22B-150">
        {t('office.progress.title')}
      </h2>
      <p className="text-std-16N-170">
        {t('office.progress.summary', {
          total: sum.total,
          approved: sum.approved,
          submitted: sum.submitted,
          outstanding: sum.outstanding,
          sections: sum.sectionsOwing,
        })}
        {daysLeft !== undefined && daysLeft < 0 && sum.overdue > 0 && (
          <> {t('office.progress.overdueSummary', { count: sum.overdue })}</>
        )}
      </p>
      <DataTable<SectionProgress>
        label={t('office.progress.title')}
        rows={rows}
        rowKey={(r) => r.sectionId}
        empty={t('office.progress.empty')}
        columns={[
          {
            id: 'section',
            header: t('common.section'),
            isRowHeader: true,
            className: 'min-w-32',
            cell: (r) => (
              <span className="flex flex-col">
                <span className="text-dns-14N-130 text-solid-gray-700">{r.department}</span>
                <span>{r.name}</span>
              </span>
            ),
          },
          {
            id: 'total',
            header: t('office.progress.total'),
            className: 'whitespace-nowrap text-right',
            cell: (r) => r.total,
          },
          ...COUNTED.map((status) => ({
            id: status,
            header: t(`status.${status}`),
            className: 'whitespace-nowrap text-right',
            cell: (r: SectionProgress) => count(r.counts[status], status !== 'submitted' && status !== 'approved'),
          })),
          {
            id: 'state',
            header: t('office.progress.state'),
            className: 'min-w-36',
            cell: (r) => (
              <span className="flex flex-col gap-1">
                {r.overdue > 0 && <LateBadge text={t('office.progress.overdueCount', { count: r.overdue })} />}
                {r.outstanding === 0 && <span className="text-dns-14B-130">{t('office.progress.allIn')}</span>}
                {r.outstanding > 0 && r.overdue === 0 && (
                  <span className="text-dns-14N-130">{t('office.progress.owing', { count: r.outstanding })}</span>
                )}
                {r.submittedLate > 0 && (
                  <span className="text-dns-14N-130">
                    {t('office.progress.submittedLate', { count: r.submittedLate })}
                  </span>
                )}
              </span>
            ),
          },
        ]}
      />
    </section>
  );
}

/** "期限超過 n件" in words, the orange border only repeats it. */
export function LateBadge({ text }: { text: string }) {
  return (
    <span className="inline-block w-fit whitespace-nowrap rounded-4 border border-warning-orange-2 bg-orange-50 px-2 py-0.5 text-dns-14B-130 text-orange-1100">
      {text}
    </span>
  );
}
