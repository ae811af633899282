import { ApiError } from '../api/errors';
import { useLanguage } from '../i18n/language';
import { Alert } from './Alert';
import { Button } from './Button';

/** Refusals a reload answers the same way: no point offering one. */
const UNCHANGED_BY_RELOAD = [400, 403, 404];

/** A failed read, in the user's language, with a way to try again when trying again can help. */
export function QueryError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t, language } = useLanguage();
  return (
    <Alert tone="error" title={t('common.loadFailed')}>
      <p>{error.text(language)}</p>
      {onRetry && !UNCHANGED_BY_RELOAD.includes(error.status) && (
        <Button variant="secondary" size="sm" className="mt-2" onPress={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
