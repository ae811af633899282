import { Link } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import { useLanguage } from '../i18n/language';

export function NotFoundPage() {
  const { t } = useLanguage();
  return (
    <section>
      <PageHeading title={t('notFound.title')} lead={t('notFound.body')}>
        {t('notFound.title')}
      </PageHeading>
      <Link to="/">{t('forbidden.home')}</Link>
    </section>
  );
}
