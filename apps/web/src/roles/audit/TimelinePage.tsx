import { Link, useParams } from 'react-router';
import { useUser } from '../../api/session';
import { useQuery } from '../../api/use-query';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { fiscalYearLabel } from '../../format/dates';
import { useLanguage } from '../../i18n/language';
import type { MessageKey } from '../../i18n/messages.ja';
import { useCycle } from '../../items/catalogue';
import { useItem } from '../../items/use-item';
import { useFiscalYear } from '../section/use-fiscal-year';
import { auditTimeLabel } from './audit-time';
import { EventWhy } from './EventWhy';
import { eventLabelKey, sideOf } from './event-labels';
import { SideBadge } from './SideBadge';
import { auditItemPath, loadTrail } from './trail';
import { withAside } from '../../format/parentheses';

/** Every recorded event of one item in order: what, who, in which role, when (to the second), why. */
export function TimelinePage({ segment }: { segment: 'projects' | 'kpis' }) {
  const { t, language } = useLanguage();
  const user = useUser();
  const fy = useFiscalYear();
  const itemId = useParams().itemId ?? '';
  const trail = useQuery(`trail:${segment}:${itemId}:${fy}`, (signal) =>
    loadTrail(user.wardId, segment, itemId, fy, signal),
  );
  const item = useItem(user.wardId, fy, segment === 'projects' ? 'project' : 'kpi', itemId);
  const cycle = useCycle(user.wardId, fy);
  const reasonLabel = (code: string) => cycle.data?.bReasons.find((r) => r.code === code)?.label ?? code;
  const name = item.data?.view.name;
  const title = t('audit.timelineTitle', { name: name ?? itemId });
  return (
    <>
      <PageHeading
        title={title}
        lead={`${fiscalYearLabel(fy, language)} · ${segment === 'projects' ? t('audit.kind.project') : t('audit.kind.kpi')} ${itemId}`}
      >
        {title}
      </PageHeading>
      <p className="mb-4">
        <Link to={`/audit/cycles/${fy}`}>{t('audit.backToItems')}</Link>
      </p>
      <section aria-labelledby="exports-heading" className="mb-6 flex flex-col gap-2">
        <h2 id="exports-heading" className="text-std-20B-150">
          {t('audit.exports')}
        </h2>
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          <li>
            <a href={auditItemPath(user.wardId, segment, itemId, fy, 'csv')} download>
              {t('audit.exportItemCsv')}
            </a>
          </li>
          <li>
            <a href={auditItemPath(user.wardId, segment, itemId, fy, 'json')} download={`audit-${itemId}-${fy}.json`}>
              {t('audit.exportItemJson')}
            </a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="timeline-heading" className="flex flex-col gap-4">
        <h2 id="timeline-heading" className="text-std-24B-150">
          {t('audit.timeline')}
        </h2>
        <p className="text-dns-16N-130">{t('audit.timelineLead')}</p>
        {trail.status === 'loading' && <Loading />}
        {trail.status === 'error' && <QueryError error={trail.error} onRetry={trail.reload} />}
        {trail.status === 'ready' && trail.data.length === 0 && <p>{t('audit.noEvents')}</p>}
        {trail.status === 'ready' && trail.data.length > 0 && (
          <ol aria-label={t('audit.timeline')} className="flex flex-col gap-4">
            {trail.data.map((entry) => {
              const side = sideOf(entry.role);
              const label = eventLabelKey(entry.event);
              return (
                <li
                  key={`${entry.stream}:${entry.revision}`}
                  className={`flex flex-col gap-2 rounded-8 border-l-8 p-4 ${side === 'council' ? 'border-solid-gray-900 bg-solid-gray-50' : 'border-solid-gray-300 bg-white'} border-y border-r border-y-solid-gray-200 border-r-solid-gray-200`}
                >
                  <div className="flex flex-wrap items-center gap-2">
                    <SideBadge side={side} />
                    <h3 className="text-std-18B-160">{label ? t(label) : entry.event}</h3>
                  </div>
                  <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-dns-16N-130">
                    <dt className="font-bold">{t('audit.who')}</dt>
                    <dd>{withAside(entry.actor, t(`role.${entry.role}` as MessageKey), language)}</dd>
                    <dt className="font-bold">{t('audit.when')}</dt>
                    <dd>
                      <time dateTime={entry.at}>{auditTimeLabel(entry.at, language)}</time>
                    </dd>
                  </dl>
                  <EventWhy entry={entry} reasonLabel={reasonLabel} />
                  <p className="text-dns-14N-130">
                    <Link to={`/audit/cycles/${fy}/as-known?asOf=${encodeURIComponent(entry.at)}`}>
                      {t('audit.reportAtThisEvent')}
                    </Link>
                  </p>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </>
  );
}
