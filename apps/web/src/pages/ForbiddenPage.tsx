import { Link } from 'react-router';
import { useSession } from '../api/session';
import { Alert } from '../components/Alert';
import { PageHeading } from '../components/PageHeading';
import { useLanguage } from '../i18n/language';
import type { MessageKey } from '../i18n/messages.ja';

/** A hand-typed address of another role's screen lands here: a clear page, never a blank one. */
export function ForbiddenPage() {
  const { t } = useLanguage();
  const { state } = useSession();
  const role = state.status === 'signed-in' ? t(`role.${state.user.role}` as MessageKey) : '';
  return (
    <section>
      <PageHeading title={t('forbidden.title')}>{t('forbidden.title')}</PageHeading>
      <Alert tone="warning" title={t('forbidden.title')}>
        <p>{t('forbidden.body', { role })}</p>
      </Alert>
      <p className="mt-6">
        <Link to="/">{t('forbidden.home')}</Link>
      </p>
    </section>
  );
}
