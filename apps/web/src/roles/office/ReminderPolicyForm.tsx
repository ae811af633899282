import { FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/TextField';
import { useLanguage } from '../../i18n/language';
import { CheckboxField } from './CheckboxGroupField';
import { TimeFieldInput } from './DateTimeFields';
import { FormFailure } from './FormFailure';
import { cyclePath, ReminderPolicy } from './office-api';
import { useCommand } from './use-command';

type Texts = Record<
  'daysBefore' | 'overdueEveryDays' | 'escalateAfterDaysOverdue' | 'stopAfterDaysOverdue' | 'sendAtJst',
  string
>;

const asTexts = (p: ReminderPolicy): Texts => ({
  daysBefore: p.daysBefore.join(', '),
  overdueEveryDays: String(p.overdueEveryDays),
  escalateAfterDaysOverdue: String(p.escalateAfterDaysOverdue),
  stopAfterDaysOverdue: String(p.stopAfterDaysOverdue),
  sendAtJst: p.sendAtJst,
});

const whole = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : NaN);

const LIMITS = {
  overdueEveryDays: [1, 30],
  escalateAfterDaysOverdue: [0, 90],
  stopAfterDaysOverdue: [0, 180],
} as const;

/** PUT …/reminder-policy: when sections are reminded before and after the deadline. Starts from the policy at mount; after a save it shows what was saved. */
export function ReminderPolicyForm({
  wardId,
  fiscalYear,
  policy,
  onChanged,
}: {
  wardId: string;
  fiscalYear: number;
  policy: ReminderPolicy;
  onChanged: () => void;
}) {
  const { t } = useLanguage();
  const [texts, setTexts] = useState<Texts>(() => asTexts(policy));
  const [onDeadlineDay, setOnDeadlineDay] = useState(policy.onDeadlineDay);
  const [skipHolidays, setSkipHolidays] = useState(policy.skipWeekendsAndHolidays);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const command = useCommand();
  const set = (key: keyof Texts) => (value: string) => setTexts((old) => ({ ...old, [key]: value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const daysBefore = texts.daysBefore
      .split(/[,、\s]+/)
      .filter(Boolean)
      .map(whole);
    const numbers = {
      overdueEveryDays: whole(texts.overdueEveryDays),
      escalateAfterDaysOverdue: whole(texts.escalateAfterDaysOverdue),
      stopAfterDaysOverdue: whole(texts.stopAfterDaysOverdue),
    };
    // The API's limits (ReminderPolicyDto), checked here so each message names the rule in words.
    const found: Record<string, string> = {};
    if (daysBefore.some((d) => Number.isNaN(d) || d < 1 || d > 60))
      found['reminderPolicy.daysBefore'] = t('office.policy.daysBeforeInvalid');
    for (const [key, value] of Object.entries(numbers)) {
      const [min, max] = LIMITS[key as keyof typeof LIMITS];
      if (Number.isNaN(value) || value < min || value > max)
        found[`reminderPolicy.${key}`] = t('office.policy.range', { min, max });
    }
    if (
      !found['reminderPolicy.stopAfterDaysOverdue'] &&
      numbers.stopAfterDaysOverdue < numbers.escalateAfterDaysOverdue
    ) {
      found['reminderPolicy.stopAfterDaysOverdue'] = t('office.policy.stopBeforeEscalation');
    }
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(texts.sendAtJst))
      found['reminderPolicy.sendAtJst'] = t('office.policy.timeInvalid');
    setErrors(found);
    if (Object.keys(found).length) return;
    const body = {
      reminderPolicy: {
        daysBefore,
        onDeadlineDay,
        ...numbers,
        skipWeekendsAndHolidays: skipHolidays,
        sendAtJst: texts.sendAtJst,
      },
    };
    if (await command.send('PUT', cyclePath(wardId, fiscalYear, '/reminder-policy'), body)) {
      setDone(true);
      onChanged();
    }
  };
  const shown = { ...command.fieldErrors, ...errors };
  const field = (key: Exclude<keyof Texts, 'sendAtJst'>, inputMode: 'numeric' | 'text' = 'numeric') => (
    <TextField
      label={t(`office.policy.${key}`)}
      description={t(`office.policy.${key}Hint`)}
      value={texts[key]}
      onChange={set(key)}
      inputMode={inputMode}
      error={shown[`reminderPolicy.${key}`]}
      isRequired
      className="max-w-md"
    />
  );
  return (
    <section aria-labelledby="policy" className="flex max-w-2xl flex-col gap-4">
      <h2 id="policy" className="text-std-22B-150">
        {t('office.policy.title')}
      </h2>
      <p className="text-std-16N-170">{t('office.policy.lead')}</p>
      {done && <Alert tone="success" title={t('office.policy.done')} />}
      <FormFailure error={command.generalError} title={t('office.policy.failed')} />
      <Form onSubmit={onSubmit} validationBehavior="aria" className="flex flex-col gap-4">
        {field('daysBefore', 'text')}
        <CheckboxField
          label={t('office.policy.onDeadlineDay')}
          isSelected={onDeadlineDay}
          onChange={setOnDeadlineDay}
        />
        {field('overdueEveryDays')}
        {field('escalateAfterDaysOverdue')}
        {field('stopAfterDaysOverdue')}
        <CheckboxField
          label={t('office.policy.skipWeekendsAndHolidays')}
          isSelected={skipHolidays}
          onChange={setSkipHolidays}
        />
        <TimeFieldInput
          label={t('office.policy.sendAtJst')}
          description={t('office.policy.sendAtJstHint')}
          value={texts.sendAtJst}
          onChange={set('sendAtJst')}
          error={shown['reminderPolicy.sendAtJst']}
          isRequired
        />
        <div>
          <Button type="submit" variant="secondary" isPending={command.pending}>
            {t('office.policy.submit')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
