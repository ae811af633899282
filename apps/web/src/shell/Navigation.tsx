import { NavLink } from 'react-router';
import type { Role } from '../api/types';
import { useLanguage } from '../i18n/language';
import type { MessageKey } from '../i18n/messages.ja';
import { currentCycle, useCycles } from './cycles';
import { useUser } from '../api/session';

interface NavItem {
  to: string;
  label: MessageKey;
  /** Served by the API, outside this page application (a full page load). */
  external?: boolean;
}

/** Each role sees only what it may use; everything else is not even linked. */
export function navItemsFor(role: Role, fiscalYear: number | undefined, wardId: string): NavItem[] {
  const home: NavItem = { to: '/', label: 'shell.home' };
  const fy = fiscalYear;
  switch (role) {
    case 'section_staff':
      return fy
        ? [
            home,
            { to: `/cycles/${fy}/inbox`, label: 'nav.inbox' },
            { to: `/cycles/${fy}/workbook`, label: 'nav.workbook' },
          ]
        : [home];
    case 'council_member':
      return fy ? [home, { to: `/cycles/${fy}/council`, label: 'nav.councilQueue' }] : [home];
    case 'planning_office':
      return [
        home,
        { to: '/office/cycles', label: 'nav.cycles' },
        { to: '/office/catalogue', label: 'nav.catalogue' },
        { to: '/office/imports', label: 'nav.imports' },
        ...(fy ? [{ to: `/audit/cycles/${fy}`, label: 'nav.audit' as const }] : []),
        { to: '/office/reprojection', label: 'nav.reprojection' },
        // No queue dashboard: the API lets only operators open it (its jobs name every ward).
        { to: `/reports/${wardId}`, label: 'nav.publicReports' },
      ];
    case 'auditor':
      return [
        home,
        ...(fy ? [{ to: `/audit/cycles/${fy}`, label: 'nav.audit' as const }] : []),
        { to: '/audit/verification', label: 'nav.verification' },
        { to: `/reports/${wardId}`, label: 'nav.publicReports' },
      ];
    case 'operator':
      return [home, { to: '/admin/queues', label: 'nav.queueDashboard', external: true }];
  }
}

export function Navigation({ role, open, onNavigate }: { role: Role; open: boolean; onNavigate: () => void }) {
  const { t } = useLanguage();
  const user = useUser();
  const cycles = useCycles();
  const items = navItemsFor(role, currentCycle(cycles.data)?.fiscalYear, user.wardId);
  const linkClass = ({ isActive }: { isActive: boolean }) =>
    `block rounded-8 px-3 py-2 text-std-16N-170 ${isActive ? 'bg-blue-50 font-bold text-blue-1100 no-underline' : 'text-blue-1000'}`;
  return (
    <nav
      id="main-navigation"
      aria-label={t('shell.mainNavigation')}
      className={`${open ? 'block' : 'hidden'} border-b border-solid-gray-200 px-4 py-3 md:block md:w-64 md:shrink-0 md:border-b-0 md:border-r md:py-6`}
    >
      <ul className="flex flex-col gap-1">
        {items.map((item) => (
          <li key={item.to}>
            {item.external ? (
              <a href={item.to} className="block rounded-8 px-3 py-2 text-std-16N-170">
                {t(item.label)}
              </a>
            ) : (
              <NavLink to={item.to} end={item.to === '/'} className={linkClass} onClick={onNavigate}>
                {t(item.label)}
              </NavLink>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
