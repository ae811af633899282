import { Alert } from '../../components/Alert';
import { dateTimeLabel } from '../../format/dates';
import { useLanguage } from '../../i18n/language';

/** The council's return comments, kept in view until the item is submitted again. */
export function ReturnComments({ comments, at, actor }: { comments: string; at: string; actor: string }) {
  const { t, language } = useLanguage();
  return (
    <Alert tone="error" title={t('form.returnedTitle')}>
      <blockquote className="my-2 whitespace-pre-wrap border-l-4 border-red-900 bg-white p-3">{comments}</blockquote>
      <p className="text-dns-14N-130">{t('form.returnedBy', { who: actor, at: dateTimeLabel(at, language) })}</p>
      <p className="mt-2">{t('form.returnedWhatToDo')}</p>
    </Alert>
  );
}
