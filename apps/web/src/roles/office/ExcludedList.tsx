import { DataTable } from '../../components/DataTable';
import { useLanguage } from '../../i18n/language';
import type { CatalogueView, CycleView } from './office-api';
import { withAside } from '../../format/parentheses';

type Excluded = NonNullable<CycleView['excluded']>[number];

/** The items taken out of the year's scope, each with the reason on record. */
export function ExcludedList({ excluded, catalogue }: { excluded: Excluded[]; catalogue: CatalogueView | undefined }) {
  const { t, language } = useLanguage();
  const name = (x: Excluded) =>
    (x.kind === 'project' ? catalogue?.projects[x.itemId]?.name : catalogue?.kpis[x.itemId]?.indicator) ?? x.itemId;
  return (
    <details className="mt-4 max-w-3xl">
      <summary className="cursor-pointer text-std-16B-170">
        {withAside(t('office.excluded.title'), String(excluded.length), language)}
      </summary>
      <div className="mt-2">
        <DataTable<Excluded>
          label={t('office.excluded.title')}
          rows={excluded}
          rowKey={(x) => `${x.kind}:${x.itemId}`}
          empty={t('common.none')}
          columns={[
            {
              id: 'item',
              header: t('office.excluded.item'),
              isRowHeader: true,
              cell: (x) => (
                <span className="flex flex-col">
                  <span className="text-dns-14N-130 text-solid-gray-700">
                    {t(`kind.${x.kind}`)} {x.itemId}
                  </span>
                  <span>{name(x)}</span>
                </span>
              ),
            },
            { id: 'reason', header: t('office.excluded.reason'), cell: (x) => x.reason },
          ]}
        />
      </div>
    </details>
  );
}
