import { useLanguage } from '../../i18n/language';

const FILES = [
  { format: 'pdf', label: 'pub.dl.pdf' },
  { format: 'xlsx', label: 'pub.dl.xlsx' },
  { format: 'csv', table: 'summary', label: 'pub.dl.csvSummary' },
  { format: 'csv', table: 'projects', label: 'pub.dl.csvProjects' },
  { format: 'csv', table: 'kpis', label: 'pub.dl.csvKpis' },
  { format: 'json', label: 'pub.dl.json' },
  { format: 'html', label: 'pub.dl.html' },
] as const;

/** Every format the service renders, as plain links (a download works without scripts). */
export function Downloads({
  href,
  headingId = 'downloads-heading',
}: {
  href: (format: string, table?: string) => string;
  headingId?: string;
}) {
  const { t } = useLanguage();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <h2 id={headingId} className="text-std-20B-150">
        {t('pub.downloads')}
      </h2>
      <ul className="flex flex-wrap gap-x-6 gap-y-2">
        {FILES.map((file) => (
          <li key={`${file.format}:${'table' in file ? file.table : ''}`}>
            <a
              href={href(file.format, 'table' in file ? file.table : undefined)}
              download={file.format !== 'html' ? '' : undefined}
              className="text-std-16N-170"
            >
              {t(file.label)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
