import { FormEvent, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { get, wardPath } from '../../api/client';
import { useUser } from '../../api/session';
import { useQuery } from '../../api/use-query';
import { Button } from '../../components/Button';
import { ColumnDef, DataTable } from '../../components/DataTable';
import { descriptionClass, errorClass, inputClass, labelClass } from '../../components/field-styles';
import { ErrorIcon } from '../../components/icons';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { fiscalYearLabel } from '../../format/dates';
import { useLanguage } from '../../i18n/language';
import { useCycle } from '../../items/catalogue';
import { Downloads } from '../public/Downloads';
import type { ReportJson } from '../public/report-json';
import { PlanSection, SummarySection } from '../public/ReportTables';
import { useFiscalYear } from '../section/use-fiscal-year';
import { auditTimeLabel, fromTokyoInput, toTokyoInput } from './audit-time';

interface ReportDifference {
  summary: Array<{ key: string; then: number; now: number }>;
  projects: Array<{ projectId: string; name: string; field: 'rating' | 'actual'; then: string; now: string }>;
}

/** The report as it was known at a chosen instant (Japan time), and what changed from then to now. */
export function AsKnownPage() {
  const { t, language } = useLanguage();
  const user = useUser();
  const fy = useFiscalYear();
  const [search, setSearch] = useSearchParams();
  const asOf = search.get('asOf');
  const [input, setInput] = useState(() => toTokyoInput(asOf ?? new Date()));
  const [inputError, setInputError] = useState<string>();
  const inputId = useId();
  const cycle = useCycle(user.wardId, fy);
  const reportPath = (format: string, table?: string) =>
    wardPath(
      user.wardId,
      `/cycles/${fy}/report?asOf=${encodeURIComponent(asOf ?? '')}&format=${format}${table ? `&table=${table}` : ''}`,
    );
  const report = useQuery(asOf ? `asof:${fy}:${asOf}` : null, (signal) => get<ReportJson>(reportPath('json'), signal));
  const difference = useQuery(asOf ? `diff:${fy}:${asOf}` : null, (signal) =>
    get<ReportDifference>(
      wardPath(user.wardId, `/cycles/${fy}/report/difference?asOf=${encodeURIComponent(asOf!)}`),
      signal,
    ),
  );
  const serverError =
    report.status === 'error' && report.error.body.field === 'asOf' ? report.error.text(language) : undefined;
  const error = inputError ?? serverError;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const iso = fromTokyoInput(input);
    if (!iso) {
      setInputError(t('audit.asOfInvalid'));
      return;
    }
    setInputError(undefined);
    setSearch({ asOf: iso });
  };

  const summaryLabel = (key: string) => {
    if (key === 'total') return t('audit.diff.total');
    if (key === 'unrated') return t('audit.diff.unrated');
    if (key.startsWith('B:'))
      return t('audit.diff.bReason', {
        label: cycle.data?.bReasons.find((r) => r.code === key.slice(2))?.label ?? key.slice(2),
      });
    return t('audit.diff.rating', { code: key.replace(/^(project|kpi):/, '') });
  };
  // The difference writes a rating as "B(construction)": the letter stays, the code becomes the cycle's words.
  const changeText = (field: 'rating' | 'actual', text: string) => {
    if (!text) return t('audit.diff.empty');
    if (field !== 'rating') return text;
    return text.replace(
      /\(([^)]+)\)$/,
      (_whole, code: string) => `（${cycle.data?.bReasons.find((r) => r.code === code)?.label ?? code}）`,
    );
  };
  const summaryColumns: ColumnDef<ReportDifference['summary'][number]>[] = [
    { id: 'key', header: t('audit.diff.row'), cell: (row) => summaryLabel(row.key), isRowHeader: true },
    { id: 'then', header: t('audit.diff.then'), cell: (row) => row.then, className: 'text-right' },
    { id: 'now', header: t('audit.diff.now'), cell: (row) => row.now, className: 'text-right' },
    {
      id: 'change',
      header: t('audit.diff.change'),
      cell: (row) => `${row.now - row.then > 0 ? '+' : ''}${row.now - row.then}`,
      className: 'text-right',
    },
  ];
  const projectColumns: ColumnDef<ReportDifference['projects'][number]>[] = [
    { id: 'id', header: t('audit.col.id'), cell: (row) => row.projectId, className: 'whitespace-nowrap' },
    {
      id: 'name',
      header: t('audit.col.name'),
      cell: (row) => <Link to={`/audit/cycles/${fy}/projects/${encodeURIComponent(row.projectId)}`}>{row.name}</Link>,
      isRowHeader: true,
    },
    {
      id: 'field',
      header: t('audit.diff.field'),
      cell: (row) => (row.field === 'rating' ? t('audit.diff.fieldRating') : t('audit.diff.fieldActual')),
    },
    {
      id: 'then',
      header: t('audit.diff.then'),
      cell: (row) => <span className="whitespace-pre-wrap">{changeText(row.field, row.then)}</span>,
    },
    {
      id: 'now',
      header: t('audit.diff.now'),
      cell: (row) => <span className="whitespace-pre-wrap">{changeText(row.field, row.now)}</span>,
    },
  ];
  const title = t('audit.asKnownTitle', { year: fiscalYearLabel(fy, language) });
  return (
    <>
      <PageHeading title={title} lead={t('audit.asKnownLead')}>
        {title}
      </PageHeading>
      <p className="mb-4">
        <Link to={`/audit/cycles/${fy}`}>{t('audit.backToItems')}</Link>
      </p>
      <form onSubmit={submit} className="mb-8 flex flex-col gap-3 sm:flex-row sm:items-end" noValidate>
        <div className="flex flex-col gap-2">
          <label htmlFor={inputId} className={labelClass}>
            {t('audit.asOf')}
          </label>
          <span id={`${inputId}-hint`} className={descriptionClass}>
            {t('audit.asOfHint')}
          </span>
          <input
            id={inputId}
            type="datetime-local"
            step={1}
            value={input}
            onChange={(e) => setInput(e.target.value)}
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={`${inputId}-hint${error ? ` ${inputId}-error` : ''}`}
            data-invalid={error ? '' : undefined}
            className={`${inputClass} max-w-xs`}
          />
          {error && (
            <p id={`${inputId}-error`} className={errorClass}>
              <ErrorIcon />
              <span>{error}</span>
            </p>
          )}
        </div>
        <Button type="submit">{t('audit.showAsOf')}</Button>
      </form>
      {!asOf && <p>{t('audit.chooseInstant')}</p>}
      {asOf && (
        <div className="flex flex-col gap-10">
          <p className="text-std-18B-160">{t('audit.asOfShown', { at: auditTimeLabel(asOf, language) })}</p>
          <section aria-labelledby="difference-heading" className="flex flex-col gap-4">
            <h2 id="difference-heading" className="text-std-24B-150">
              {t('audit.differenceTitle')}
            </h2>
            {difference.status === 'loading' && <Loading />}
            {difference.status === 'error' && <QueryError error={difference.error} onRetry={difference.reload} />}
            {difference.status === 'ready' &&
              difference.data.summary.length === 0 &&
              difference.data.projects.length === 0 && <p>{t('audit.noDifference')}</p>}
            {difference.status === 'ready' && difference.data.summary.length > 0 && (
              <DataTable
                label={t('audit.diff.summaryTable')}
                rows={difference.data.summary}
                rowKey={(row) => row.key}
                columns={summaryColumns}
                empty={t('common.none')}
              />
            )}
            {difference.status === 'ready' && difference.data.projects.length > 0 && (
              <DataTable
                label={t('audit.diff.projectTable')}
                rows={difference.data.projects}
                rowKey={(row) => `${row.projectId}:${row.field}`}
                columns={projectColumns}
                empty={t('common.none')}
              />
            )}
          </section>
          <section aria-labelledby="asknown-report-heading" className="flex flex-col gap-6">
            <h2 id="asknown-report-heading" className="text-std-24B-150">
              {t('audit.reportThen')}
            </h2>
            {report.status === 'loading' && <Loading />}
            {report.status === 'error' && !serverError && <QueryError error={report.error} onRetry={report.reload} />}
            {report.status === 'ready' && (
              <>
                <Downloads href={reportPath} headingId="asknown-downloads" />
                <SummarySection report={report.data} />
                <details>
                  <summary className="cursor-pointer text-std-16B-170 text-blue-1000">{t('audit.planTables')}</summary>
                  <div className="mt-4 flex flex-col gap-8">
                    {report.data.pillars
                      .flatMap((pillar) => pillar.plans)
                      .map((plan) => (
                        <PlanSection key={plan.id} plan={plan} headingLevel={3} />
                      ))}
                  </div>
                </details>
              </>
            )}
          </section>
        </div>
      )}
    </>
  );
}
