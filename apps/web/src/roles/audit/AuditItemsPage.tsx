import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { get, wardPath } from '../../api/client';
import { useUser } from '../../api/session';
import type { ItemView } from '../../api/types';
import { useQuery } from '../../api/use-query';
import { ColumnDef, DataTable } from '../../components/DataTable';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { RatingBadge, StatusBadge } from '../../components/StatusBadge';
import { TextField } from '../../components/TextField';
import { fiscalYearLabel } from '../../format/dates';
import { useLanguage } from '../../i18n/language';
import { sectionLabel, useCatalogue } from '../../items/catalogue';
import { itemSegment } from '../../items/paths';
import { useCycles } from '../../shell/cycles';
import { useFiscalYear } from '../section/use-fiscal-year';
import { auditYearPath } from './trail';

/** The year's items to choose a timeline from, the year's exports, and the other audit views. */
export function AuditItemsPage() {
  const { t, language } = useLanguage();
  const user = useUser();
  const fy = useFiscalYear();
  const items = useQuery(`audit-items:${fy}`, (signal) =>
    get<{ items: ItemView[] }>(wardPath(user.wardId, `/cycles/${fy}/items`), signal).then((r) => r.items),
  );
  const catalogue = useCatalogue(user.wardId);
  const cycles = useCycles();
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const all = items.data ?? [];
    return needle ? all.filter((item) => `${item.itemId} ${item.name}`.toLowerCase().includes(needle)) : all;
  }, [items.data, filter]);
  const title = t('audit.itemsTitle', { year: fiscalYearLabel(fy, language) });
  const columns: ColumnDef<ItemView>[] = [
    { id: 'id', header: t('audit.col.id'), cell: (item) => item.itemId, className: 'whitespace-nowrap' },
    {
      id: 'name',
      header: t('audit.col.name'),
      isRowHeader: true,
      cell: (item) => (
        <Link to={`/audit/cycles/${fy}/${itemSegment(item.kind)}/${encodeURIComponent(item.itemId)}`}>{item.name}</Link>
      ),
    },
    {
      id: 'kind',
      header: t('audit.col.kind'),
      cell: (item) => (item.kind === 'project' ? t('audit.kind.project') : t('audit.kind.kpi')),
      className: 'whitespace-nowrap',
    },
    { id: 'section', header: t('common.section'), cell: (item) => sectionLabel(catalogue.data, item.sectionId) },
    {
      id: 'status',
      header: t('audit.col.status'),
      cell: (item) => <StatusBadge status={item.status} late={item.late} />,
    },
    { id: 'rating', header: t('audit.col.rating'), cell: (item) => <RatingBadge rating={item.effectiveRating} /> },
  ];
  return (
    <>
      <PageHeading title={title} lead={t('audit.itemsLead')}>
        {title}
      </PageHeading>
      <div className="flex flex-col gap-8">
        <section aria-labelledby="views-heading" className="flex flex-col gap-2">
          <h2 id="views-heading" className="text-std-20B-150">
            {t('audit.views')}
          </h2>
          <ul className="flex flex-col gap-1">
            <li>
              <Link to={`/audit/cycles/${fy}/as-known`}>{t('audit.asKnownLink')}</Link>
            </li>
            <li>
              <Link to="/audit/verification">{t('audit.verificationLink')}</Link>
            </li>
          </ul>
        </section>
        <section aria-labelledby="year-exports-heading" className="flex flex-col gap-2">
          <h2 id="year-exports-heading" className="text-std-20B-150">
            {t('audit.exports')}
          </h2>
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            <li>
              <a href={auditYearPath(user.wardId, fy, 'csv')} download>
                {t('audit.exportYearCsv')}
              </a>
            </li>
            <li>
              <a href={auditYearPath(user.wardId, fy, 'json')} download={`audit-${user.wardId}-${fy}.json`}>
                {t('audit.exportYearJson')}
              </a>
            </li>
          </ul>
        </section>
        {(cycles.data?.length ?? 0) > 1 && (
          <nav aria-labelledby="years-heading" className="flex flex-col gap-2">
            <h2 id="years-heading" className="text-std-20B-150">
              {t('audit.otherYears')}
            </h2>
            <ul className="flex flex-wrap gap-x-6 gap-y-2">
              {cycles.data!.map((cycle) => (
                <li key={cycle.fiscalYear}>
                  <Link
                    to={`/audit/cycles/${cycle.fiscalYear}`}
                    aria-current={cycle.fiscalYear === fy ? 'page' : undefined}
                  >
                    {fiscalYearLabel(cycle.fiscalYear, language)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <section aria-labelledby="items-heading" className="flex flex-col gap-3">
          <h2 id="items-heading" className="text-std-20B-150">
            {t('audit.items')}
          </h2>
          <TextField
            label={t('audit.filter')}
            description={t('audit.filterHint')}
            value={filter}
            onChange={setFilter}
            className="max-w-md"
          />
          {items.status === 'loading' && <Loading />}
          {items.status === 'error' && <QueryError error={items.error} onRetry={items.reload} />}
          {items.status === 'ready' && (
            <>
              <p role="status" className="text-dns-16N-130">
                {t('audit.itemCount', { shown: shown.length, total: items.data.length })}
              </p>
              <DataTable
                label={t('audit.items')}
                rows={shown}
                rowKey={(item) => `${item.kind}:${item.itemId}`}
                columns={columns}
                empty={t('audit.noItems')}
              />
            </>
          )}
        </section>
      </div>
    </>
  );
}
