import { ColumnDef, DataTable } from '../../components/DataTable';
import { useLanguage } from '../../i18n/language';
import { RatingChart } from './RatingChart';
import { CountJson, KpiJson, PlanJson, ProjectJson, ratingCode, RatingJson, ReportJson } from './report-json';
import { withAside } from '../../format/parentheses';

/** "B 予定どおり進まなかったもの（工事等…）": the letter first, its meaning in words. */
export function RatingText({ rating }: { rating: RatingJson | null }) {
  const { t, language } = useLanguage();
  if (!rating) return <span className="text-solid-gray-700">{t('pub.unrated')}</span>;
  const meaning =
    rating.scheme === 'nerima' && rating.bReason
      ? withAside(rating.label, rating.bReason.label, language)
      : rating.label;
  return (
    <span className="inline-flex flex-col gap-1">
      <span className="inline-flex items-center gap-2">
        <span className="inline-flex min-w-9 justify-center rounded-4 border-2 border-solid-gray-800 bg-white px-1 font-bold">
          {ratingCode(rating)}
        </span>
        <span className="text-dns-14N-130">{meaning}</span>
      </span>
      {rating.note && <span className="text-dns-14N-130 text-solid-gray-800">{rating.note}</span>}
    </span>
  );
}

/** Counts first, the long meaning last: on a phone the figures stay in view without scrolling the table. */
function CountTable({
  label,
  rows,
  total,
  unrated = 0,
  firstHeader,
  withCode = true,
}: {
  label: string;
  rows: CountJson[];
  total?: number;
  unrated?: number;
  firstHeader: string;
  withCode?: boolean;
}) {
  const { t } = useLanguage();
  const figures: ColumnDef<CountJson>[] = [
    {
      id: 'count',
      header: t('pub.col.count'),
      cell: (row) => `${row.count}${t('pub.unit')}`,
      className: 'text-right whitespace-nowrap',
    },
    {
      id: 'share',
      header: t('pub.col.share'),
      cell: (row) => `${row.share}%`,
      className: 'text-right whitespace-nowrap',
    },
  ];
  const columns: ColumnDef<CountJson>[] = withCode
    ? [
        {
          id: 'code',
          header: firstHeader,
          cell: (row) => <span className="font-bold">{row.code}</span>,
          isRowHeader: true,
          className: 'whitespace-nowrap',
        },
        ...figures,
        {
          id: 'label',
          header: t('pub.col.meaning'),
          cell: (row) => row.label,
          className: 'break-words text-dns-14N-130',
        },
      ]
    : [
        ...figures,
        { id: 'label', header: firstHeader, cell: (row) => row.label, isRowHeader: true, className: 'break-words' },
      ];
  // The unrated items get a row while there are any (a draft), so the rows add up to 合計; the total is named once.
  const unratedRow = {
    code: t('pub.unrated'),
    label: withCode ? '' : t('pub.unrated'),
    count: unrated,
    share: total ? Math.round((unrated * 100) / total) : 0,
  };
  const totalRow = { code: t('pub.total'), label: withCode ? '' : t('pub.total'), count: total ?? 0, share: 100 };
  const shown = total === undefined ? rows : [...rows, ...(unrated > 0 ? [unratedRow] : []), totalRow];
  return (
    <DataTable
      label={label}
      rows={shown}
      rowKey={(row) => row.code}
      columns={columns}
      empty={t('common.none')}
      fitNarrow
    />
  );
}

/** The summary table (the count of each rating and B's breakdown) with its chart. */
export function SummarySection({ report }: { report: ReportJson }) {
  const { t } = useLanguage();
  const summary = report.summary;
  if (summary.scheme === 'taisho') {
    return (
      <section aria-labelledby="summary-heading" className="flex flex-col gap-4">
        <h2 id="summary-heading" className="text-std-24B-150">
          {t('pub.summary')}
        </h2>
        <p>{t('pub.totalLine', { total: summary.total, unrated: summary.unrated })}</p>
        <CountTable label={t('pub.summaryProjects')} firstHeader={t('pub.col.rating')} rows={summary.projects} />
        <RatingChart title={t('pub.chartProjects')} unit={t('pub.unit')} bars={summary.projects} />
        <CountTable label={t('pub.summaryKpis')} firstHeader={t('pub.col.rating')} rows={summary.kpis} />
        <p>{t('pub.withdrawalHit', { count: summary.withdrawalCriteriaHit })}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="summary-heading" className="flex flex-col gap-4">
      <h2 id="summary-heading" className="text-std-24B-150">
        {t('pub.summary')}
      </h2>
      <p>{t('pub.totalLine', { total: summary.total, unrated: summary.unrated })}</p>
      <CountTable
        label={t('pub.summaryTable')}
        firstHeader={t('pub.col.rating')}
        rows={summary.ratings}
        total={summary.total}
        unrated={summary.unrated}
      />
      <RatingChart title={t('pub.chartSummary')} unit={t('pub.unit')} bars={summary.ratings} />
      {summary.bReasons.length > 0 && (
        <CountTable
          label={t('pub.bReasons')}
          firstHeader={t('pub.col.bReason')}
          rows={summary.bReasons}
          withCode={false}
        />
      )}
    </section>
  );
}

function KpiTable({ plan }: { plan: PlanJson }) {
  const { t } = useLanguage();
  const value = (v: { value: string; asOf: string }) =>
    v.value ? `${v.value}${v.asOf ? `（${v.asOf}）` : ''}` : t('common.unknown');
  const columns: ColumnDef<KpiJson>[] = [
    {
      id: 'indicator',
      header: t('pub.col.indicator'),
      cell: (k) => `${k.indicator}（${k.kind === 'outcome' ? t('pub.outcome') : t('pub.output')}）`,
      isRowHeader: true,
    },
    { id: 'baseline', header: t('pub.col.baseline'), cell: (k) => value(k.baseline) },
    { id: 'target', header: t('pub.col.target'), cell: (k) => value(k.target) },
    { id: 'actual', header: t('pub.col.actual'), cell: (k) => value(k.actual) },
    {
      id: 'achievement',
      header: t('pub.col.achievement'),
      cell: (k) => (k.achievementPercent === null ? t('common.unknown') : `${k.achievementPercent}%`),
      className: 'text-right',
    },
  ];
  return (
    <DataTable
      label={t('pub.kpiTable', { plan: plan.code })}
      rows={plan.kpis}
      rowKey={(k) => k.id}
      columns={columns}
      empty={t('pub.noKpis')}
    />
  );
}

function ProjectTable({ plan }: { plan: PlanJson }) {
  const { t } = useLanguage();
  const columns: ColumnDef<ProjectJson>[] = [
    { id: 'no', header: t('pub.col.no'), cell: (p) => p.sectionNo },
    {
      id: 'name',
      header: t('pub.col.project'),
      isRowHeader: true,
      cell: (p) => (
        <span className="flex flex-col gap-1">
          <span className="font-bold">{p.name}</span>
          {p.repost && (
            <span className="text-dns-14N-130">
              {t('pub.repost', { plan: p.repostOf?.planCode ?? '', no: p.repostOf?.sectionNo ?? '' })}
            </span>
          )}
          <span className="text-dns-14N-130 text-solid-gray-800">{p.responsible}</span>
        </span>
      ),
    },
    {
      id: 'planned',
      header: t('pub.col.planned'),
      cell: (p) => <span className="whitespace-pre-wrap">{p.planned}</span>,
    },
    { id: 'actual', header: t('pub.col.actual'), cell: (p) => <span className="whitespace-pre-wrap">{p.actual}</span> },
    { id: 'rating', header: t('pub.col.rating'), cell: (p) => <RatingText rating={p.rating} /> },
  ];
  return (
    <DataTable
      label={t('pub.projectTable', { plan: plan.code })}
      rows={plan.projects}
      rowKey={(p) => `${p.id}:${p.sectionNo}`}
      columns={columns}
      empty={t('pub.noProjects')}
    />
  );
}

/** The order the ward's report lists ratings in. */
const ORDER = ['A+', 'A', 'B', '*', '-'];
const rank = (code: string) => (ORDER.includes(code) ? ORDER.indexOf(code) : ORDER.length);

/** One strategic plan: its KPI table, its action-plan table (reposts marked), a chart of its ratings. */
export function PlanSection({ plan, headingLevel = 2 }: { plan: PlanJson; headingLevel?: 2 | 3 }) {
  const { t } = useLanguage();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const SubHeading = headingLevel === 2 ? 'h3' : 'h4';
  const counted = plan.projects.filter((p) => !p.repost && p.rating);
  const codes = [...new Set(counted.map((p) => ratingCode(p.rating)!))].sort((a, b) => rank(a) - rank(b));
  const bars = codes.map((code) => ({
    code,
    label: counted.find((p) => ratingCode(p.rating) === code)!.rating!.label,
    count: counted.filter((p) => ratingCode(p.rating) === code).length,
  }));
  return (
    <section aria-labelledby={`plan-${plan.id}`} className="flex flex-col gap-4">
      <Heading id={`plan-${plan.id}`} className="text-std-24B-150">
        {t('pub.planHeading', { code: plan.code, title: plan.title })}
      </Heading>
      <SubHeading className="text-std-20B-150">{t('pub.kpis')}</SubHeading>
      <KpiTable plan={plan} />
      <SubHeading className="text-std-20B-150">{t('pub.projects')}</SubHeading>
      <ProjectTable plan={plan} />
      {bars.length > 0 && (
        <RatingChart title={t('pub.chartPlan', { code: plan.code })} unit={t('pub.unit')} bars={bars} />
      )}
      {plan.assessment && (
        <div className="flex flex-col gap-2">
          <SubHeading className="text-std-20B-150">{t('pub.assessment')}</SubHeading>
          <dl className="grid gap-2">
            <dt className="font-bold">{t('pub.issues')}</dt>
            <dd className="whitespace-pre-wrap">{plan.assessment.issues}</dd>
            <dt className="font-bold">{t('pub.improvements')}</dt>
            <dd className="whitespace-pre-wrap">{plan.assessment.improvements}</dd>
          </dl>
        </div>
      )}
    </section>
  );
}
