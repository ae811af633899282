import { useMemo, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { get } from '../../api/client';
import { useUser } from '../../api/session';
import type { ItemView } from '../../api/types';
import { useQuery } from '../../api/use-query';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { LazyConfirmDialog } from '../../components/LazyConfirmDialog';
import type { ColumnDef } from '../../components/PlainTable';
import { SelectableTable } from '../../components/SelectableTable';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { RatingBadge } from '../../components/StatusBadge';
import { dateLabel, fiscalYearLabel } from '../../format/dates';
import { useLanguage } from '../../i18n/language';
import { planLabel, sectionLabel, useCatalogue } from '../../items/catalogue';
import { comparePlans, compareSections } from '../../items/catalogue-order';
import { actualStrings } from '../../items/actual';
import { councilReviewPath } from '../../items/paths';
import { useFiscalYear } from '../section/use-fiscal-year';
import { itemKey, useBulkApprove } from './bulk-approve';
import { BulkResults } from './BulkResults';
import { ALL, emptyFilter, QueueFilter, QueueFilters } from './QueueFilters';
import { councilQueuePath } from './queue-paths';
import { pageOf } from './queue-page';
import { QueuePager } from './QueuePager';

/** The reported actual in a line or two, so a routine item can be approved from the list. */
const actualPreview = (item: ItemView) =>
  item.kind === 'project' ? actualStrings(item.actual).text : actualStrings(item.actual).value;

/** Submitted items awaiting a decision, by plan and section; approve a selection in one action. */
export function CouncilQueuePage() {
  const { t, language } = useLanguage();
  const user = useUser();
  const fy = useFiscalYear();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const queue = useQuery(`queue:${fy}`, (signal) =>
    get<{ items: ItemView[] }>(councilQueuePath(user.wardId, fy), signal).then((r) => r.items),
  );
  const catalogue = useCatalogue(user.wardId);
  const [chosenFilter, setChosenFilter] = useState<QueueFilter>(emptyFilter);
  const [chosenPage, setPage] = useState(1);
  // A new filter starts at its first page.
  const setFilter = (next: QueueFilter) => {
    setChosenFilter(next);
    setPage(1);
  };
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const bulk = useBulkApprove(user.wardId, fy);
  const items = useMemo(() => queue.data ?? [], [queue.data]); // one [] while loading, so `sorted` stays memoised

  const sorted = useMemo(
    () =>
      [...items].sort(
        (a, b) =>
          comparePlans(catalogue.data, a.planId, b.planId) ||
          compareSections(catalogue.data, a.sectionId, b.sectionId) ||
          a.kind.localeCompare(b.kind),
      ),
    [items, catalogue.data],
  );
  const plans = [...new Set(sorted.map((i) => i.planId))].map((id) => ({ id, label: planLabel(catalogue.data, id) }));
  const sections = [...new Set(sorted.map((i) => i.sectionId))]
    .sort((a, b) => compareSections(catalogue.data, a, b))
    .map((id) => ({ id, label: sectionLabel(catalogue.data, id) }));
  // A plan or section whose last item was just approved leaves the list: its filter shows すべて
  // (and the items that remain) rather than an empty choice over an empty table.
  const filter: QueueFilter = {
    ...chosenFilter,
    planId: plans.some((plan) => plan.id === chosenFilter.planId) ? chosenFilter.planId : ALL,
    sectionId: sections.some((section) => section.id === chosenFilter.sectionId) ? chosenFilter.sectionId : ALL,
  };
  const shown = sorted.filter(
    (item) =>
      (filter.planId === ALL || item.planId === filter.planId) &&
      (filter.sectionId === ALL || item.sectionId === filter.sectionId) &&
      (filter.kind === ALL || item.kind === filter.kind) &&
      (!filter.text.trim() || item.name.includes(filter.text.trim())),
  );
  const chosen = shown.filter((item) => selected.has(itemKey(item)));
  // One page of the shown items in the table; the selection spans pages (approve several pages at once).
  const page = pageOf(shown, chosenPage);

  const approveSelected = async () => {
    setConfirming(false);
    await bulk.approve(chosen);
    setSelected(new Set());
    queue.reload();
  };

  const columns = useMemo(
    (): ColumnDef<ItemView>[] => [
      {
        id: 'name',
        header: t('inbox.col.name'),
        isRowHeader: true,
        cell: (item) => (
          <span className="flex flex-col gap-1">
            <Link to={councilReviewPath(fy, item)}>{item.name}</Link>
            {actualPreview(item) && (
              <span className="line-clamp-2 text-dns-14N-130 text-solid-gray-800">{actualPreview(item)}</span>
            )}
          </span>
        ),
      },
      { id: 'plan', header: t('common.plan'), cell: (item) => planLabel(catalogue.data, item.planId) },
      { id: 'section', header: t('common.section'), cell: (item) => sectionLabel(catalogue.data, item.sectionId) },
      {
        id: 'kind',
        header: t('inbox.col.kind'),
        cell: (item) => t(`kind.${item.kind}`),
        className: 'whitespace-nowrap',
      },
      {
        id: 'rating',
        header: t('council.col.sectionRating'),
        cell: (item) =>
          item.kind === 'project' || item.sectionRating ? (
            <RatingBadge rating={item.sectionRating} />
          ) : (
            t('common.unknown')
          ),
      },
      {
        id: 'submitted',
        header: t('council.col.submitted'),
        cell: (item) => (item.updatedAt ? dateLabel(item.updatedAt, language) : t('common.unknown')),
      },
    ],
    [t, language, fy, catalogue.data],
  );
  const title = t('council.title', { year: fiscalYearLabel(fy, language) });
  return (
    <section className="flex flex-col gap-6">
      <PageHeading title={title} lead={t('council.lead')}>
        {title}
      </PageHeading>
      {notice && <Alert tone="success" title={notice} />}
      {queue.status === 'error' && <QueryError error={queue.error} onRetry={queue.reload} />}
      {catalogue.status === 'error' && <QueryError error={catalogue.error} onRetry={catalogue.reload} />}
      {/* The rows name plans and sections from the catalogue: wait for both rather than show raw ids. */}
      {(!queue.data || !catalogue.data) && (queue.status === 'loading' || catalogue.status === 'loading') && (
        <Loading />
      )}
      {bulk.running && (
        <p role="status" className="text-std-16B-170">
          {t('council.bulk.progress', { done: bulk.done, total: chosen.length || bulk.done })}
        </p>
      )}
      {bulk.results && <BulkResults results={bulk.results} fy={fy} />}
      {queue.data && catalogue.data && (
        <>
          <QueueFilters filter={filter} onChange={setFilter} plans={plans} sections={sections} />
          <div className="flex flex-wrap items-center gap-4">
            <p role="status" className="text-std-16N-170">
              {t('council.count', { shown: shown.length, total: items.length, selected: chosen.length })}
            </p>
            <Button onPress={() => setConfirming(true)} isDisabled={chosen.length === 0 || bulk.running}>
              {t('council.bulk.approve', { count: chosen.length })}
            </Button>
          </div>
          <SelectableTable
            label={title}
            rows={page.rows}
            rowKey={itemKey}
            rowLabel={(item) => item.name}
            columns={columns}
            empty={items.length === 0 ? t('council.empty') : t('council.emptyFiltered')}
            selectAllLabel={t('council.selectAll')}
            selectLabel={(name) => t('council.selectOne', { name })}
            selectedKeys={selected}
            onSelectionChange={setSelected}
          />
          <QueuePager
            page={page.page}
            pages={page.pages}
            from={page.from}
            count={page.rows.length}
            onChange={setPage}
          />
        </>
      )}
      <LazyConfirmDialog
        isOpen={confirming}
        title={t('council.bulk.confirmTitle', { count: chosen.length })}
        confirmLabel={t('council.bulk.confirm', { count: chosen.length })}
        onConfirm={approveSelected}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('council.bulk.confirmBody')}</p>
        <ul className="mt-2 max-h-48 list-disc overflow-y-auto pl-5">
          {chosen.slice(0, 10).map((item) => (
            <li key={itemKey(item)}>{item.name}</li>
          ))}
        </ul>
        {chosen.length > 10 && <p className="mt-1">{t('council.bulk.andMore', { count: chosen.length - 10 })}</p>}
      </LazyConfirmDialog>
    </section>
  );
}
