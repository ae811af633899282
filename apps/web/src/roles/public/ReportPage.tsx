import { Link, useParams, useSearchParams } from 'react-router';
import { get } from '../../api/client';
import { useQuery } from '../../api/use-query';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { dateLabel, fiscalYearLabel } from '../../format/dates';
import { wardName } from '../../format/ward-names';
import { useLanguage } from '../../i18n/language';
import { Downloads } from './Downloads';
import { TraceLinks } from './TraceLinks';
import { PublicLayout } from './PublicLayout';
import { publicReportPath, publicWebPath } from './public-paths';
import { reportPages, ReportJson } from './report-json';
import { usePublishedYears } from './ReportListPage';
import { PlanSection, SummarySection } from './ReportTables';

/** A published report as pages: the summary, then one page per strategic plan; its versions and downloads. */
export function ReportPage() {
  const { t, language } = useLanguage();
  const params = useParams();
  const wardId = params.ward ?? '';
  const fiscalYear = Number(params.fy);
  const version = params.version === undefined ? undefined : Number(params.version);
  const [search] = useSearchParams();
  const report = useQuery(`report:${wardId}:${fiscalYear}:${version ?? 'latest'}`, (signal) =>
    get<ReportJson>(publicReportPath(wardId, fiscalYear, version, 'json'), signal),
  );
  const years = usePublishedYears(wardId);
  const versions = years.data?.find((y) => y.fiscalYear === fiscalYear)?.versions ?? [];
  const latest = versions[versions.length - 1];
  const yearLabel = Number.isInteger(fiscalYear) ? fiscalYearLabel(fiscalYear, language) : String(params.fy);
  const title = t('pub.reportTitle', { ward: wardName(wardId, language), year: yearLabel });
  const here = publicWebPath(wardId, fiscalYear, version);

  if (report.status !== 'ready') {
    return (
      <PublicLayout wardId={wardId}>
        <PageHeading title={title}>{title}</PageHeading>
        {report.status === 'loading' ? <Loading /> : <QueryError error={report.error} onRetry={report.reload} />}
        <p className="mt-4">
          <Link to={`/reports/${encodeURIComponent(wardId)}`}>{t('pub.backToList')}</Link>
        </p>
      </PublicLayout>
    );
  }
  const pages = reportPages(report.data);
  const pageIndex = Math.min(pages.length - 1, Math.max(0, Number(search.get('page') ?? 0) || 0));
  const page = pages[pageIndex];
  const pageLink = (index: number) => (index === 0 ? here : `${here}?page=${index}`);
  const pageTitle = (index: number) => {
    const p = pages[index];
    return p.plan ? t('pub.planHeading', { code: p.plan.code, title: p.plan.title }) : t('pub.summaryPage');
  };
  const publication = report.data.publication;
  return (
    <PublicLayout wardId={wardId}>
      <PageHeading
        title={`${pageTitle(pageIndex)} | ${title}`}
        lead={
          <span className="flex flex-col gap-1">
            <span>{t('pub.versionLine', { version: publication.version, date: publication.publishedDate })}</span>
            {publication.reason && <span>{t('pub.correctionReason', { reason: publication.reason })}</span>}
          </span>
        }
      >
        {title}
      </PageHeading>
      {latest && latest.version !== publication.version && (
        <Alert tone="warning" title={t('pub.olderVersion', { version: publication.version })} className="mb-6">
          <Link to={publicWebPath(wardId, fiscalYear)}>{t('pub.readLatestVersion', { version: latest.version })}</Link>
        </Alert>
      )}
      <div className="flex flex-col gap-8 lg:flex-row">
        <nav aria-label={t('pub.pagesNav')} className="lg:w-72 lg:shrink-0">
          <h2 className="mb-2 text-std-18B-160">{t('pub.contents')}</h2>
          <ol className="flex flex-col gap-1">
            {pages.map((_, index) => (
              <li key={index}>
                <Link
                  to={pageLink(index)}
                  aria-current={index === pageIndex ? 'page' : undefined}
                  className={`block rounded-8 px-2 py-1 ${index === pageIndex ? 'bg-blue-50 font-bold text-blue-1100' : ''}`}
                >
                  {pageTitle(index)}
                </Link>
              </li>
            ))}
          </ol>
        </nav>
        <div className="flex min-w-0 flex-1 flex-col gap-8">
          <p className="text-dns-16N-130">{t('pub.pageOf', { page: pageIndex + 1, pages: pages.length })}</p>
          {page.plan ? (
            <>
              <p className="text-dns-16N-130">
                {t('pub.pillar', { code: page.pillar!.code, title: page.pillar!.title })}
              </p>
              <PlanSection plan={page.plan} />
            </>
          ) : (
            <>
              <SummarySection report={report.data} />
              <Downloads href={(format, table) => publicReportPath(wardId, fiscalYear, version, format, table)} />
              <TraceLinks wardId={wardId} fiscalYear={fiscalYear} version={publication.version} />
              {versions.length > 0 && (
                <section aria-labelledby="versions-heading" className="flex flex-col gap-2">
                  <h2 id="versions-heading" className="text-std-20B-150">
                    {t('pub.versionsAndCorrections')}
                  </h2>
                  <ol className="flex flex-col gap-2">
                    {versions.map((v) => (
                      <li key={v.version}>
                        {v.version === publication.version ? (
                          <span className="font-bold">
                            {t('pub.versionN', { version: v.version })}
                            {t('pub.shownNow')}
                          </span>
                        ) : (
                          <Link to={publicWebPath(wardId, fiscalYear, v.version)}>
                            {t('pub.versionN', { version: v.version })}
                          </Link>
                        )}{' '}
                        {t('pub.publishedOn', { date: dateLabel(v.publishedAt, language) })}
                        <span className="block text-dns-16N-130">
                          {v.reason ? t('pub.correctionReason', { reason: v.reason }) : t('pub.firstPublication')}
                        </span>
                      </li>
                    ))}
                  </ol>
                </section>
              )}
            </>
          )}
          <nav
            aria-label={t('pub.pager')}
            className="flex flex-wrap justify-between gap-4 border-t border-solid-gray-420 pt-4"
          >
            {pageIndex > 0 ? (
              <Link to={pageLink(pageIndex - 1)}>{t('pub.previous', { title: pageTitle(pageIndex - 1) })}</Link>
            ) : (
              <span />
            )}
            {pageIndex < pages.length - 1 && (
              <Link to={pageLink(pageIndex + 1)}>{t('pub.next', { title: pageTitle(pageIndex + 1) })}</Link>
            )}
          </nav>
          <p>
            <Link to={`/reports/${encodeURIComponent(wardId)}`}>{t('pub.backToList')}</Link>
          </p>
        </div>
      </div>
    </PublicLayout>
  );
}
