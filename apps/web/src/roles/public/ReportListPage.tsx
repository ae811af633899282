import { Link, useParams } from 'react-router';
import { get } from '../../api/client';
import { useQuery } from '../../api/use-query';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { dateLabel, fiscalYearLabel } from '../../format/dates';
import { wardName } from '../../format/ward-names';
import { useLanguage } from '../../i18n/language';
import { PublicLayout } from './PublicLayout';
import type { PublishedYear } from './report-json';
import { publicReportPath, publicWebPath } from './public-paths';

export function usePublishedYears(wardId: string) {
  return useQuery(`published:${wardId}`, (signal) =>
    get<PublishedYear[]>(`/public/wards/${encodeURIComponent(wardId)}/reports`, signal),
  );
}

/** A version's fingerprint, as printed in its appendix: a resident compares the two. Breaks anywhere on a phone. */
function Fingerprint({ value }: { value: string }) {
  const { t } = useLanguage();
  return (
    <span className="block text-dns-14N-130">
      {t('pub.fingerprint')}
      <code className="break-all">{value}</code>
    </span>
  );
}

/** The ward's published reports by fiscal year, newest first: each year's latest version and every correction. */
export function ReportListPage() {
  const { t, language } = useLanguage();
  const wardId = useParams().ward ?? '';
  const years = usePublishedYears(wardId);
  const ward = wardName(wardId, language);
  return (
    <PublicLayout wardId={wardId}>
      <PageHeading title={t('pub.listTitle', { ward })} lead={t('pub.listLead')}>
        {t('pub.listTitle', { ward })}
      </PageHeading>
      {years.status === 'loading' && <Loading />}
      {years.status === 'error' && <QueryError error={years.error} onRetry={years.reload} />}
      {years.status === 'ready' && years.data.length === 0 && <p>{t('pub.nothingPublished')}</p>}
      {years.status === 'ready' && (
        <ul className="flex flex-col gap-6">
          {years.data.map((year) => {
            const latest = year.versions[year.versions.length - 1];
            return (
              <li key={year.fiscalYear} className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 p-4">
                <h2 className="text-std-24B-150">
                  {t('pub.yearReport', { year: fiscalYearLabel(year.fiscalYear, language) })}
                </h2>
                <p>
                  <Link to={publicWebPath(wardId, year.fiscalYear)} className="text-std-16B-170">
                    {t('pub.readLatest', { year: fiscalYearLabel(year.fiscalYear, language), version: latest.version })}
                  </Link>
                </p>
                <p className="text-dns-16N-130">
                  {t('pub.publishedOn', { date: dateLabel(latest.publishedAt, language) })}
                  {year.versions.length === 1 && <Fingerprint value={latest.fingerprint} />}
                </p>
                {year.versions.length > 1 && (
                  <div className="flex flex-col gap-2">
                    <h3 className="text-std-18B-160">{t('pub.versions')}</h3>
                    <ol className="flex flex-col gap-2">
                      {year.versions.map((v) => (
                        <li key={v.version}>
                          <Link to={publicWebPath(wardId, year.fiscalYear, v.version)}>
                            {t('pub.versionN', { version: v.version })}
                          </Link>{' '}
                          {t('pub.publishedOn', { date: dateLabel(v.publishedAt, language) })}
                          {v.reason && (
                            <span className="block text-dns-16N-130">
                              {t('pub.correctionReason', { reason: v.reason })}
                            </span>
                          )}
                          <Fingerprint value={v.fingerprint} />
                        </li>
                      ))}
                    </ol>
                  </div>
                )}
                <p className="text-dns-14N-130">
                  <a href={publicReportPath(wardId, year.fiscalYear, undefined, 'pdf')} download>
                    {t('pub.downloadPdfOf', { year: fiscalYearLabel(year.fiscalYear, language) })}
                  </a>
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {years.status === 'ready' && years.data.length > 0 && (
        <p className="mt-6">
          <a href={`/public/wards/${encodeURIComponent(wardId)}/corrections?format=atom`}>
            {t('pub.feedOfWard', { ward })}
          </a>
        </p>
      )}
    </PublicLayout>
  );
}
