import { ReactNode, useEffect, useRef } from 'react';
import { useLanguage } from '../i18n/language';

/**
 * The page's h1. It sets the document title and takes focus after a route change, so a screen
 * reader hears where it landed (a page application does not reload).
 */
export function PageHeading({ children, title, lead }: { children: ReactNode; title: string; lead?: ReactNode }) {
  const { t } = useLanguage();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} | ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    // Unless the user is already working inside the page (e.g. it re-rendered after loading).
    const main = document.getElementById('main');
    if (!main?.contains(document.activeElement) || document.activeElement === main)
      ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div className="mb-6 flex flex-col gap-2">
      <h1 ref={ref} tabIndex={-1} className="text-std-28B-150 outline-none sm:text-std-32B-150">
        {children}
      </h1>
      {lead && <div className="text-std-16N-170 text-solid-gray-800">{lead}</div>}
    </div>
  );
}
