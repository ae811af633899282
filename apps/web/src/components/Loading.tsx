import { useLanguage } from '../i18n/language';

export function Loading() {
  const { t } = useLanguage();
  return (
    <p role="status" className="p-6 text-std-16N-170 text-solid-gray-700">
      {t('common.loading')}
    </p>
  );
}
