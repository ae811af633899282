import { FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextArea } from '../../components/TextArea';
import { DateFieldInput } from './DateTimeFields';
import { dateLabel } from '../../format/dates';
import { useLanguage } from '../../i18n/language';
import { FormFailure } from './FormFailure';
import { cyclePath } from './office-api';
import { useCommand } from './use-command';

/** POST …/deadline-extensions {deadline, reason}: only later than today's deadline, with a reason on record. */
export function DeadlineForm({
  wardId,
  fiscalYear,
  deadline,
  onChanged,
}: {
  wardId: string;
  fiscalYear: number;
  deadline: string;
  onChanged: () => void;
}) {
  const { t, language } = useLanguage();
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string>();
  const command = useCommand();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(undefined);
    const found: Record<string, string> = {};
    if (!date) found.deadline = t('office.deadline.dateRequired');
    if (!reason.trim()) found.reason = t('office.reasonRequired');
    setErrors(found);
    if (Object.keys(found).length) return;
    const body = { deadline: date, reason: reason.trim() };
    if (await command.send('POST', cyclePath(wardId, fiscalYear, '/deadline-extensions'), body)) {
      setDone(t('office.deadline.done', { date: dateLabel(`${date}T12:00:00+09:00`, language) }));
      setDate('');
      setReason('');
      onChanged();
    }
  };
  const shown = { ...command.fieldErrors, ...errors };
  return (
    <section aria-labelledby="deadline" className="flex max-w-2xl flex-col gap-4">
      <h2 id="deadline" className="text-std-22B-150">
        {t('office.deadline.title')}
      </h2>
      <p className="text-std-16N-170">{t('office.deadline.current', { date: dateLabel(deadline, language) })}</p>
      {done && <Alert tone="success" title={done} />}
      <FormFailure error={command.generalError} title={t('office.deadline.failed')} />
      <Form onSubmit={onSubmit} validationBehavior="aria" className="flex flex-col gap-4">
        <DateFieldInput
          label={t('office.deadline.newDate')}
          description={t('office.deadline.newDateHint')}
          value={date}
          onChange={setDate}
          error={shown.deadline}
          isRequired
        />
        <TextArea
          label={t('office.reason')}
          description={t('office.deadline.reasonHint')}
          value={reason}
          onChange={setReason}
          error={shown.reason}
          isRequired
          rows={3}
        />
        <div>
          <Button type="submit" variant="secondary" isPending={command.pending}>
            {t('office.deadline.submit')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
