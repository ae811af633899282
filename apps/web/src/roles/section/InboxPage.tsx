import { Link } from 'react-router';
import { get, wardPath } from '../../api/client';
import { useUser } from '../../api/session';
import type { ItemView, SectionInbox } from '../../api/types';
import { useQuery } from '../../api/use-query';
import { ColumnDef, PlainTable as DataTable } from '../../components/PlainTable';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { RatingBadge, StatusBadge } from '../../components/StatusBadge';
import { dateTimeLabel, fiscalYearLabel } from '../../format/dates';
import { useLanguage } from '../../i18n/language';
import type { MessageKey } from '../../i18n/messages.ja';
import { Catalogue, planLabel, sectionLabel, useCatalogue } from '../../items/catalogue';
import { sectionFormPath } from '../../items/paths';
import { DeadlineNotice } from './DeadlineNotice';
import { useFiscalYear } from './use-fiscal-year';

const GROUPS: Array<{ key: keyof Omit<SectionInbox, 'sectionId' | 'deadline'>; title: MessageKey; lead: MessageKey }> =
  [
    { key: 'returned', title: 'inbox.returned', lead: 'inbox.returnedLead' },
    { key: 'late', title: 'inbox.late', lead: 'inbox.lateLead' },
    { key: 'due', title: 'inbox.due', lead: 'inbox.dueLead' },
    { key: 'waitingForReview', title: 'inbox.waiting', lead: 'inbox.waitingLead' },
    { key: 'approved', title: 'inbox.approved', lead: 'inbox.approvedLead' },
  ];

/** The section's work for the year: returned first (it needs fixing), then late, due, in review, approved. */
export function InboxPage() {
  const { t, language } = useLanguage();
  const user = useUser();
  const fy = useFiscalYear();
  const inbox = useQuery(`inbox:${fy}`, (signal) =>
    get<SectionInbox>(wardPath(user.wardId, `/cycles/${fy}/inbox`), signal),
  );
  const catalogue = useCatalogue(user.wardId);
  const title = t('inbox.title', { year: fiscalYearLabel(fy, language) });
  const data = inbox.data;
  return (
    <section>
      <PageHeading title={title} lead={user.sectionId ? sectionLabel(catalogue.data, user.sectionId) : undefined}>
        {title}
      </PageHeading>
      {inbox.status === 'loading' && !data && <Loading />}
      {inbox.status === 'error' && <QueryError error={inbox.error} onRetry={inbox.reload} />}
      {data && (
        <div className="flex flex-col gap-8">
          {data.deadline && (
            <DeadlineNotice
              deadline={data.deadline}
              outstanding={data.returned.length + data.late.length + data.due.length}
            />
          )}
          {GROUPS.map((group) => (
            <InboxGroup
              key={group.key}
              id={group.key}
              title={t(group.title)}
              lead={t(group.lead)}
              items={data[group.key]}
              fy={fy}
              catalogue={catalogue.data}
            />
          ))}
        </div>
      )}
      {data && (
        <p className="mt-6 text-dns-14N-130 text-solid-gray-700">
          {t('inbox.updated', { at: dateTimeLabel(new Date(), language) })}
        </p>
      )}
    </section>
  );
}

function InboxGroup({
  id,
  title,
  lead,
  items,
  fy,
  catalogue,
}: {
  id: string;
  title: string;
  lead: string;
  items: ItemView[];
  fy: number;
  catalogue?: Catalogue;
}) {
  const { t } = useLanguage();
  const columns: ColumnDef<ItemView>[] = [
    {
      id: 'name',
      header: t('inbox.col.name'),
      isRowHeader: true,
      cell: (item) => (
        <span className="flex flex-col gap-1">
          <Link to={sectionFormPath(fy, item)}>{item.name}</Link>
          {item.returnedComments && (
            <span className="text-dns-14N-130 text-red-1100">
              {t('inbox.commentsPrefix')}
              {item.returnedComments}
            </span>
          )}
        </span>
      ),
    },
    { id: 'kind', header: t('inbox.col.kind'), cell: (item) => t(`kind.${item.kind}`), className: 'whitespace-nowrap' },
    { id: 'plan', header: t('common.plan'), cell: (item) => planLabel(catalogue, item.planId) },
    {
      id: 'status',
      header: t('inbox.col.status'),
      cell: (item) => <StatusBadge status={item.status} late={item.overdue || item.late} />,
    },
    {
      id: 'rating',
      header: t('inbox.col.rating'),
      cell: (item) => (item.kind === 'project' ? <RatingBadge rating={item.effectiveRating} /> : t('common.unknown')),
    },
  ];
  return (
    <section aria-labelledby={`group-${id}`} className="flex flex-col gap-3">
      <h2 id={`group-${id}`} className="text-std-22B-150">
        {title}{' '}
        <span className="text-std-18N-160 text-solid-gray-700">（{t('inbox.count', { count: items.length })}）</span>
      </h2>
      <p className="text-std-16N-170 text-solid-gray-800">{lead}</p>
      <DataTable
        label={title}
        rows={items}
        rowKey={(item) => `${item.kind}:${item.itemId}`}
        columns={columns}
        empty={t('inbox.empty')}
      />
    </section>
  );
}
