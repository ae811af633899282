import { Link } from 'react-router';
import { useLanguage } from '../../i18n/language';
import { cyclePath } from './office-api';

const FORMATS = ['html', 'pdf', 'xlsx', 'csv', 'json'] as const;

/** The draft report as it stands now in every format the API renders; once published, the latest published version and its public page. */
export function ReportLinks({
  wardId,
  fiscalYear,
  published,
  recount = false,
}: {
  wardId: string;
  fiscalYear: number;
  published: boolean;
  /** The year has B reasons: link the recount under revised rules (reprojection/ReprojectionPage). */
  recount?: boolean;
}) {
  const { t } = useLanguage();
  return (
    <section aria-labelledby="report" className="flex flex-col gap-3">
      <h2 id="report" className="text-std-22B-150">
        {t(published ? 'office.report.titlePublished' : 'office.report.title')}
      </h2>
      <p className="text-std-16N-170">{t(published ? 'office.report.leadPublished' : 'office.report.lead')}</p>
      <ul className="flex flex-wrap gap-3">
        {FORMATS.map((format) => (
          <li key={format}>
            <a
              href={
                published
                  ? `/public/wards/${encodeURIComponent(wardId)}/reports/${fiscalYear}?format=${format}`
                  : cyclePath(wardId, fiscalYear, `/report?format=${format}`)
              }
              {...(format === 'html' || format === 'json' ? { target: '_blank', rel: 'noopener' } : { download: '' })}
              className="inline-flex min-h-12 items-center rounded-8 border-2 border-blue-900 px-4 text-std-16B-170"
            >
              {t(`office.report.${format}`)}
            </a>
          </li>
        ))}
      </ul>
      {published && (
        <p>
          <Link to={`/reports/${wardId}/${fiscalYear}`} className="text-std-16B-170">
            {t('office.report.public')}
          </Link>
        </p>
      )}
      {recount && (
        <p>
          <Link to={`/office/reprojection?year=${fiscalYear}`} className="text-std-16B-170">
            {t('office.reproj.fromReport')}
          </Link>
        </p>
      )}
    </section>
  );
}
