import { Button as AriaButton } from 'react-aria-components';
import { Link, useNavigate } from 'react-router';
import { useSession, useUser } from '../api/session';
import { MenuIcon } from '../components/icons';
import { wardName } from '../format/ward-names';
import { useLanguage } from '../i18n/language';
import type { MessageKey } from '../i18n/messages.ja';
import { LanguageSwitch } from './LanguageSwitch';

export function Header({ menuOpen, onToggleMenu }: { menuOpen: boolean; onToggleMenu: () => void }) {
  const { t, language } = useLanguage();
  const user = useUser();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const roleName = t(`role.${user.role}` as MessageKey);
  return (
    <header className="border-b-4 border-blue-900 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 md:px-8">
        <Link to="/" className="flex flex-col text-solid-gray-900 no-underline">
          <span className="text-dns-14N-130 text-solid-gray-800">{wardName(user.wardId, language)}</span>
          <span className="text-std-20B-150">{t('app.name')}</span>
        </Link>
        <div className="ml-auto flex flex-wrap items-center gap-3">
          <p className="text-dns-16N-130" data-testid="signed-in-user">
            <span className="sr-only">{t('common.user')}: </span>
            {/* An account named after its role ("区政改革推進会議 委員") would read the role twice. */}
            {user.displayName.trim() === roleName
              ? roleName
              : t('shell.signedInAs', { name: user.displayName, role: roleName })}
          </p>
          <LanguageSwitch />
          <AriaButton
            onPress={async () => {
              await signOut();
              await navigate('/login');
            }}
            className="min-h-11 rounded-8 border-2 border-blue-900 bg-white px-3 text-dns-16B-130 text-blue-900 hover:bg-blue-50"
          >
            {t('shell.signOut')}
          </AriaButton>
          <AriaButton
            onPress={onToggleMenu}
            aria-expanded={menuOpen}
            aria-controls="main-navigation"
            className="inline-flex min-h-11 items-center gap-1 rounded-8 border-2 border-solid-gray-600 bg-white px-3 text-dns-16B-130 md:hidden"
          >
            <MenuIcon />
            {t('shell.menu')}
          </AriaButton>
        </div>
      </div>
    </header>
  );
}
