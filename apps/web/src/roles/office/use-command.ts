import { useCallback } from 'react';
import { api } from '../../api/client';
import type { ApiError } from '../../api/errors';
import { useSubmission } from '../../api/submission';
import { useLanguage } from '../../i18n/language';

type Method = 'POST' | 'PUT';

/**
 * One office form's command: one Idempotency-Key per submission (a double click or a retry after a
 * network failure resends the same key), the server's 4xx split into field messages and one general
 * message for what names no field. What the user typed stays in the form's own state.
 */
export function useCommand() {
  const submission = useSubmission();
  const { language } = useLanguage();
  const send = useCallback(
    <T>(method: Method, path: string, body: unknown, identity: unknown = body) =>
      submission.run(identity, async (idempotencyKey) => (await api<T>(path, { method, body, idempotencyKey })).data),
    [submission.run], // eslint-disable-line react-hooks/exhaustive-deps -- run is the only moving part
  );
  const error = submission.error;
  const fieldErrors = error?.fieldErrors(language) ?? {};
  return {
    send,
    pending: submission.pending,
    error,
    fieldErrors,
    /** The message when the server named no field (shown above the form). */
    generalError: error && Object.keys(fieldErrors).length === 0 ? error : undefined,
    clearError: () => submission.setError(null),
    setError: (value: ApiError | null) => submission.setError(value),
  };
}
