import { Link } from 'react-router';
import { useUser } from '../../api/session';
import type { CycleListEntry } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { dateLabel, fiscalYearLabel } from '../../format/dates';
import { useLanguage } from '../../i18n/language';
import { schemeName } from '../../items/scheme-names';
import { useCycles } from '../../shell/cycles';
import { CycleStatusBadge } from './CycleStatusBadge';
import { OpenCycleForm } from './OpenCycleForm';

/** /office/cycles: every fiscal year of the ward, newest first, and the form that opens the next one. */
export function CyclesPage() {
  const { t, language } = useLanguage();
  const user = useUser();
  const cycles = useCycles();
  return (
    <section className="flex flex-col gap-8">
      <PageHeading title={t('office.cycles.title')} lead={t('office.cycles.lead')}>
        {t('office.cycles.title')}
      </PageHeading>
      <section aria-labelledby="cycle-list" className="flex flex-col gap-3">
        <h2 id="cycle-list" className="text-std-22B-150">
          {t('office.cycles.list')}
        </h2>
        {cycles.status === 'loading' && <Loading />}
        {cycles.status === 'error' && <QueryError error={cycles.error} onRetry={cycles.reload} />}
        {cycles.status === 'ready' && (
          <DataTable<CycleListEntry>
            label={t('office.cycles.list')}
            rows={cycles.data}
            rowKey={(c) => String(c.fiscalYear)}
            empty={t('home.noCycles')}
            columns={[
              {
                id: 'fy',
                header: t('common.fiscalYear'),
                isRowHeader: true,
                cell: (c) => (
                  <Link to={`/office/cycles/${c.fiscalYear}`} className="font-bold">
                    {fiscalYearLabel(c.fiscalYear, language)}
                  </Link>
                ),
              },
              { id: 'status', header: t('office.cycle.status'), cell: (c) => <CycleStatusBadge status={c.status} /> },
              { id: 'scheme', header: t('office.cycle.scheme'), cell: (c) => schemeName(c.scheme, language) },
              { id: 'deadline', header: t('common.deadline'), cell: (c) => dateLabel(c.deadline, language) },
              {
                id: 'versions',
                header: t('office.cycles.versions'),
                cell: (c) =>
                  c.publishedVersions
                    ? t('office.cycles.versionCount', { count: c.publishedVersions })
                    : t('common.none'),
              },
            ]}
          />
        )}
      </section>
      <OpenCycleForm wardId={user.wardId} existing={cycles.data ?? []} onOpened={cycles.reload} />
    </section>
  );
}
