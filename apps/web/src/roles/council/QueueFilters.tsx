import { NativeSelect } from '../../components/NativeSelect';
import { TextField } from '../../components/TextField';
import { useLanguage } from '../../i18n/language';

export interface QueueFilter {
  planId: string;
  sectionId: string;
  kind: string;
  text: string;
}

export const ALL = 'all';
export const emptyFilter = (): QueueFilter => ({ planId: ALL, sectionId: ALL, kind: ALL, text: '' });

/** Narrow the queue by plan, section, kind and words in the name (native selects: see NativeSelect). */
export function QueueFilters({
  filter,
  onChange,
  plans,
  sections,
}: {
  filter: QueueFilter;
  onChange: (filter: QueueFilter) => void;
  plans: Array<{ id: string; label: string }>;
  sections: Array<{ id: string; label: string }>;
}) {
  const { t } = useLanguage();
  const all = { id: ALL, label: t('council.filter.all') };
  return (
    <div
      role="search"
      aria-label={t('council.filter.title')}
      className="grid gap-4 rounded-12 border border-solid-gray-420 p-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      <NativeSelect
        label={t('common.plan')}
        options={[all, ...plans]}
        value={filter.planId}
        onChange={(planId) => onChange({ ...filter, planId })}
      />
      <NativeSelect
        label={t('common.section')}
        options={[all, ...sections]}
        value={filter.sectionId}
        onChange={(sectionId) => onChange({ ...filter, sectionId })}
      />
      <NativeSelect
        label={t('inbox.col.kind')}
        options={[all, { id: 'project', label: t('kind.project') }, { id: 'kpi', label: t('kind.kpi') }]}
        value={filter.kind}
        onChange={(kind) => onChange({ ...filter, kind })}
      />
      <TextField
        label={t('council.filter.text')}
        value={filter.text}
        onChange={(text) => onChange({ ...filter, text })}
        type="search"
      />
    </div>
  );
}
