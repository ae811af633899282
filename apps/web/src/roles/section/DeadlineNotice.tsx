import { Alert } from '../../components/Alert';
import { dateLabel, daysUntil } from '../../format/dates';
import { useLanguage } from '../../i18n/language';

/** The deadline in 和暦 and Western form, and how many days are left (or how late it is). */
export function DeadlineNotice({ deadline, outstanding }: { deadline: string; outstanding: number }) {
  const { t, language } = useLanguage();
  const days = daysUntil(deadline);
  const when = dateLabel(deadline, language);
  const left =
    days > 0 ? t('inbox.daysLeft', { days }) : days === 0 ? t('inbox.dueToday') : t('inbox.daysLate', { days: -days });
  const tone = outstanding === 0 ? 'success' : days < 0 ? 'error' : days <= 7 ? 'warning' : 'info';
  return (
    <Alert tone={tone} title={`${t('common.deadline')}: ${when} — ${left}`}>
      <p>{outstanding === 0 ? t('inbox.allDone') : t('inbox.outstanding', { count: outstanding })}</p>
    </Alert>
  );
}
