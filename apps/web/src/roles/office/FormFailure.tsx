import type { ApiError } from '../../api/errors';
import { Alert } from '../../components/Alert';
import { useLanguage } from '../../i18n/language';

/** The server's answer that names no field, above the form, in the user's language. */
export function FormFailure({ error, title }: { error: ApiError | null | undefined; title: string }) {
  const { language } = useLanguage();
  if (!error) return null;
  return (
    <Alert tone="error" title={title}>
      <p>{error.text(language)}</p>
    </Alert>
  );
}
