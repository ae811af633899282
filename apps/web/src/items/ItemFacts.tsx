import type { ItemView } from '../api/types';
import { fiscalYearLabel } from '../format/dates';
import { useLanguage } from '../i18n/language';
import { Catalogue, planLabel, sectionLabel } from './catalogue';
import type { YearOfItem } from './use-item';
import { withAside } from '../format/parentheses';

/** What the section reports against: plan, heading, target, last year, this year's plan (or KPI baseline and target). */
export function ItemFacts({
  item,
  catalogue,
  fiscalYear,
  years,
}: {
  item: ItemView;
  catalogue?: Catalogue;
  fiscalYear: number;
  years?: YearOfItem[];
}) {
  const { t, language } = useLanguage();
  const lastYear = years?.find((y) => y.fiscalYear === fiscalYear - 1);
  const lastActual = lastYear?.published?.row.actual ?? lastYear?.current?.actual;
  const rows: Array<[string, string | undefined]> = [
    [t('common.plan'), planLabel(catalogue, item.planId)],
    [t('common.section'), sectionLabel(catalogue, item.sectionId)],
  ];
  if (item.kind === 'project') {
    const project = catalogue?.projects[item.itemId];
    const annual = project?.annualPlans[String(fiscalYear)];
    if (project) rows.push([t('item.heading'), `${project.home.sectionNo} ${project.home.sectionTitle}`.trim()]);
    rows.push(
      [t('item.target'), annual?.target],
      [t('item.lastYearStatus'), annual?.statusAtPreviousYearEnd],
      [t('item.lastYearActual', { year: fiscalYearLabel(fiscalYear - 1, language) }), lastActual],
      [t('item.planned', { year: fiscalYearLabel(fiscalYear, language) }), annual?.planned],
    );
  } else {
    const kpi = catalogue?.kpis[item.itemId];
    rows.push(
      [t('item.kpiKind'), kpi ? t(kpi.kind === 'output' ? 'item.kpiOutput' : 'item.kpiOutcome') : undefined],
      [t('item.baseline'), kpi ? withAside(kpi.baseline.value.text, kpi.baseline.asOf, language) : undefined],
      [t('item.kpiTarget'), kpi ? withAside(kpi.target.value.text, kpi.target.asOf, language) : undefined],
      [t('item.lastYearActual', { year: fiscalYearLabel(fiscalYear - 1, language) }), lastActual],
    );
  }
  return (
    <section aria-labelledby="item-facts" className="rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-4">
      <h2 id="item-facts" className="mb-3 text-std-18B-160">
        {t('item.facts')}
      </h2>
      <dl className="flex flex-col gap-3">
        {rows.map(([label, value]) => (
          <div key={label} className="flex flex-col gap-1">
            <dt className="text-dns-16B-130 text-solid-gray-800">{label}</dt>
            <dd className="whitespace-pre-wrap">{value?.trim() ? value : t('common.unknown')}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
