import { Link } from 'react-router';
import { useUser } from '../api/session';
import type { CycleListEntry, Role } from '../api/types';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { QueryError } from '../components/QueryError';
import { dateLabel, fiscalYearLabel } from '../format/dates';
import { useLanguage } from '../i18n/language';
import type { MessageKey } from '../i18n/messages.ja';
import { useCycles } from '../shell/cycles';

/** Where each role goes from a cycle (undefined: nothing to open there). */
function cycleLink(role: Role, cycle: CycleListEntry): { to: string; label: MessageKey } | undefined {
  const fy = cycle.fiscalYear;
  switch (role) {
    case 'section_staff':
      return { to: `/cycles/${fy}/inbox`, label: 'home.openInbox' };
    case 'council_member':
      return cycle.status === 'open' ? { to: `/cycles/${fy}/council`, label: 'home.openQueue' } : undefined;
    case 'planning_office':
      return { to: `/office/cycles/${fy}`, label: 'home.openCycle' };
    case 'auditor':
      return { to: `/audit/cycles/${fy}`, label: 'home.openAudit' };
    case 'operator':
      return undefined;
  }
}

export function HomePage() {
  const { t, language } = useLanguage();
  const user = useUser();
  const cycles = useCycles();
  return (
    <section>
      <PageHeading title={t('home.title')} lead={t(`role.${user.role}` as MessageKey)}>
        {t('home.welcome', { name: user.displayName })}
      </PageHeading>
      {user.role === 'operator' ? (
        <p>
          {t('home.operatorLead')} <a href="/admin/queues">{t('nav.queueDashboard')}</a>
        </p>
      ) : (
        <>
          <h2 className="mb-3 text-std-22B-150">{t('home.cycles')}</h2>
          {cycles.status === 'loading' && <Loading />}
          {cycles.status === 'error' && <QueryError error={cycles.error} onRetry={cycles.reload} />}
          {cycles.status === 'ready' && cycles.data.length === 0 && <p>{t('home.noCycles')}</p>}
          {cycles.status === 'ready' && (
            <ul className="grid gap-4 sm:grid-cols-2">
              {cycles.data.map((cycle) => {
                const link = cycleLink(user.role, cycle);
                return (
                  <li
                    key={cycle.fiscalYear}
                    className="flex flex-col gap-2 rounded-12 border border-solid-gray-420 p-4"
                  >
                    <h3 className="text-std-18B-160">{fiscalYearLabel(cycle.fiscalYear, language)}</h3>
                    <p>
                      <span className="inline-block rounded-4 border border-solid-gray-700 px-2 text-dns-14B-130">
                        {t(`home.cycleStatus.${cycle.status}` as MessageKey)}
                      </span>
                    </p>
                    <p className="text-dns-16N-130">
                      {t('common.deadline')}: {dateLabel(cycle.deadline, language)}
                    </p>
                    {link && (
                      <Link to={link.to} className="text-std-16B-170">
                        {t(link.label)}
                      </Link>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
