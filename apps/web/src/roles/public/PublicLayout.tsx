import { ReactNode } from 'react';
import { Link } from 'react-router';
import { SkipLink } from '../../shell/AppShell';
import { LanguageSwitch } from '../../shell/LanguageSwitch';
import { wardName } from '../../format/ward-names';
import { useLanguage } from '../../i18n/language';

/** The public pages need no sign-in: their own header (ward, language) and no staff menu. */
export function PublicLayout({ wardId, children }: { wardId: string; children: ReactNode }) {
  const { t, language } = useLanguage();
  return (
    <>
      <SkipLink label={t('app.skipToContent')} />
      <header className="border-b border-solid-gray-420 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <p className="flex flex-col">
            <Link
              to={`/reports/${encodeURIComponent(wardId)}`}
              className="text-std-20B-150 text-solid-gray-900 no-underline hover:underline"
            >
              {t('pub.siteTitle', { ward: wardName(wardId, language) })}
            </Link>
            <span className="text-dns-14N-130 text-solid-gray-800">{t('pub.siteLead')}</span>
          </p>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl px-4 py-6 outline-none md:px-8">
        {children}
      </main>
    </>
  );
}
