import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { StatusBadge } from '../../components/StatusBadge';
import type { ItemStatus } from '../../api/types';
import { useLanguage } from '../../i18n/language';
import type { OutstandingDetails, OutstandingItem } from './office-api';

/** Every item a section still owes, and per section how many: what the office confirms or excludes before closing. */
export function Checklist({ title, lead, details, onExclude }: { title: string; lead: string; details: OutstandingDetails; onExclude: (item: OutstandingItem) => void }) {
  const { t } = useLanguage();
  return (
    <div className="flex flex-col gap-3 rounded-12 border-2 border-warning-orange-2 bg-white p-4 sm:p-6">
      <h3 className="text-std-18B-160">{title}</h3>
      <p className="text-std-16N-170">{lead}</p>
      <h4 className="text-std-16B-170">{t('office.checklist.bySection')}</h4>
      <ul className="flex flex-col gap-1 pl-5 text-std-16N-170" style={{ listStyle: 'disc' }}>
        {details.sections.map((s) => <li key={s.sectionId}>{t('office.checklist.sectionLine', { name: s.sectionName, count: s.outstanding })}</li>)}
      </ul>
      <DataTable<OutstandingItem>
        label={title}
        rows={details.items}
        rowKey={(i) => `${i.kind}:${i.itemId}`}
        empty={t('office.checklist.empty')}
        columns={[
          { id: 'name', header: t('office.checklist.item'), isRowHeader: true, cell: (i) => <span className="flex flex-col"><span className="text-dns-14N-130 text-solid-gray-700">{t(`kind.${i.kind}`)} {i.itemId}</span><span>{i.name}</span></span> },
          { id: 'section', header: t('common.section'), cell: (i) => i.sectionName },
          { id: 'status', header: t('office.checklist.status'), cell: (i) => <StatusBadge status={i.status as ItemStatus} /> },
          { id: 'action', header: t('office.checklist.action'), cell: (i) => <Button size="sm" variant="secondary" onPress={() => onExclude(i)} aria-label={t('office.checklist.excludeItem', { name: i.name })}>{t('office.checklist.exclude')}</Button> },
        ]}
      />
    </div>
  );
}
