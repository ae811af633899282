import { Suspense, useState } from 'react';
import { Outlet } from 'react-router';
import { useUser } from '../api/session';
import { CyclesProvider } from './cycles';
import { Header } from './Header';
import { Navigation } from './Navigation';
import { useLanguage } from '../i18n/language';
import { Loading } from '../components/Loading';

/** Skip link, header (ward, user, role, language, sign-out), role-aware menu, then the page. */
export function AppShell() {
  const { t } = useLanguage();
  const user = useUser();
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <CyclesProvider>
      <SkipLink label={t('app.skipToContent')} />
      <Header menuOpen={menuOpen} onToggleMenu={() => setMenuOpen((open) => !open)} />
      <div className="mx-auto flex w-full max-w-7xl flex-col md:flex-row">
        <Navigation role={user.role} open={menuOpen} onNavigate={() => setMenuOpen(false)} />
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 outline-none md:px-8">
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </CyclesProvider>
  );
}

export function SkipLink({ label }: { label: string }) {
  return (
    <a
      href="#main"
      className="sr-only bg-white p-2 text-std-16B-170 focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50"
    >
      {label}
    </a>
  );
}
