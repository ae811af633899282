import { useEffect, useRef } from 'react';
import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { StatusBadge } from '../../components/StatusBadge';
import type { ItemStatus } from '../../api/types';
import { useLanguage } from '../../i18n/language';
import { CatalogueView, OutstandingDetails, OutstandingItem, sectionName } from './office-api';

/** Every item a section still owes, and per section how many: what the office confirms or excludes before closing. */
export function Checklist({
  title,
  lead,
  details,
  catalogue,
  onExclude,
  takeFocus,
}: {
  title: string;
  lead: string;
  details: OutstandingDetails;
  catalogue: CatalogueView | undefined;
  onExclude: (item: OutstandingItem) => void;
  /** Shown in answer to an action (closing): focus moves to it so a screen reader hears it. */
  takeFocus?: boolean;
}) {
  const { t } = useLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeFocus) heading.current?.focus();
  }, [takeFocus]);
  // The server names the section (課); the department (部) beside it is how the office reads it.
  const name = (sectionId: string, fallback: string) =>
    catalogue?.sections[sectionId] ? sectionName(catalogue, sectionId) : fallback;
  return (
    <div className="flex flex-col gap-3 rounded-12 border-2 border-warning-orange-2 bg-white p-4 sm:p-6">
      <h3 ref={heading} tabIndex={-1} className="text-std-18B-160 outline-none">
        {title}
      </h3>
      <p className="text-std-16N-170">{lead}</p>
      <h4 className="text-std-16B-170">{t('office.checklist.bySection')}</h4>
      <ul className="flex flex-col gap-1 pl-5 text-std-16N-170" style={{ listStyle: 'disc' }}>
        {details.sections.map((s) => (
          <li key={s.sectionId}>
            {t('office.checklist.sectionLine', { name: name(s.sectionId, s.sectionName), count: s.outstanding })}
          </li>
        ))}
      </ul>
      <DataTable<OutstandingItem>
        label={title}
        rows={details.items}
        rowKey={(i) => `${i.kind}:${i.itemId}`}
        empty={t('office.checklist.empty')}
        columns={[
          {
            id: 'name',
            header: t('office.checklist.item'),
            isRowHeader: true,
            cell: (i) => (
              <span className="flex flex-col">
                <span className="text-dns-14N-130 text-solid-gray-700">
                  {t(`kind.${i.kind}`)} {i.itemId}
                </span>
                <span>{i.name}</span>
              </span>
            ),
          },
          { id: 'section', header: t('common.section'), cell: (i) => name(i.sectionId, i.sectionName) },
          {
            id: 'status',
            header: t('office.checklist.status'),
            cell: (i) => <StatusBadge status={i.status as ItemStatus} />,
          },
          {
            id: 'action',
            header: t('office.checklist.action'),
            cell: (i) => (
              <Button
                size="sm"
                variant="secondary"
                onPress={() => onExclude(i)}
                aria-label={t('office.checklist.excludeItem', { name: i.name })}
              >
                {t('office.checklist.exclude')}
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
