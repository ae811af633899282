import { useLanguage } from '../../i18n/language';

/**
 * Where the published numbers come from and where a machine reads them (issue 14): the provenance
 * page of the summary, the machine-readable open data, and the ward's correction feed. Plain links.
 */
export function TraceLinks({ wardId, fiscalYear, version }: { wardId: string; fiscalYear: number; version: number }) {
  const { t } = useLanguage();
  const year = `/public/wards/${encodeURIComponent(wardId)}/reports/${fiscalYear}/versions/${version}`;
  const links = [
    { href: `${year}/provenance?format=html`, label: t('pub.trace.provenance') },
    { href: `${year}/open-data/open-data.xlsx`, label: t('pub.trace.openData'), download: true },
    { href: `/public/wards/${encodeURIComponent(wardId)}/corrections?format=atom`, label: t('pub.trace.feed') },
  ];
  return (
    <section aria-labelledby="trace-heading" className="flex flex-col gap-2">
      <h2 id="trace-heading" className="text-std-20B-150">
        {t('pub.trace.heading')}
      </h2>
      <ul className="flex flex-wrap gap-x-6 gap-y-2">
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href} download={link.download ? '' : undefined} className="text-std-16N-170">
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
