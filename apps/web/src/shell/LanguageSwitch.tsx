import { Button as AriaButton } from 'react-aria-components';
import { useLanguage } from '../i18n/language';

/** One button that names the other language in that language (lang set so it is read right). */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useLanguage();
  const other = language === 'ja' ? 'en' : 'ja';
  return (
    <AriaButton
      onPress={() => setLanguage(other)}
      aria-label={t('shell.languageSwitchLabel')}
      className="min-h-11 rounded-8 border-2 border-solid-gray-600 bg-white px-3 text-dns-16B-130 text-solid-gray-900 hover:bg-solid-gray-50"
    >
      <span lang={other}>{t('shell.languageSwitch')}</span>
    </AriaButton>
  );
}
