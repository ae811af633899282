import { CalendarDate, parseDate, parseTime, Time } from '@internationalized/date';
import { DateField, DateInput, DateSegment, Label, Text, TimeField } from 'react-aria-components';
import { FieldError } from '../../components/FieldError';
import { descriptionClass, labelClass, requiredMark } from '../../components/field-styles';
import { dateLabel } from '../../format/dates';
import { useLanguage } from '../../i18n/language';

const inputBox =
  'flex min-h-12 w-fit min-w-48 items-center rounded-8 border border-solid-gray-600 bg-white px-4 py-2 text-std-16N-170 data-[invalid]:border-2 data-[invalid]:border-error-1 data-[focus-within]:outline-4 data-[focus-within]:outline-black';
const segment =
  'rounded-4 px-0.5 tabular-nums outline-none data-[placeholder]:text-solid-gray-700 data-[type=literal]:px-0 data-[focused]:bg-blue-900 data-[focused]:text-white';

interface Common {
  label: string;
  description?: string;
  error?: string;
  isRequired?: boolean;
}

const toDate = (value: string): CalendarDate | null => {
  try {
    return value ? parseDate(value) : null;
  } catch {
    return null;
  }
};

/**
 * react-aria's DateField: year, month and day segments in the order of the user's language
 * (2027/05/31 in Japanese, whatever the browser's own locale), typed or stepped with the arrow keys.
 * The chosen day is repeated in 和暦 under the field. The value is "YYYY-MM-DD" (a day in Japan).
 */
export function DateFieldInput({
  label,
  description,
  error,
  isRequired,
  value,
  onChange,
}: Common & { value: string; onChange: (value: string) => void }) {
  const { t, language } = useLanguage();
  const date = toDate(value);
  return (
    <DateField
      value={date}
      onChange={(next) => onChange(next ? next.toString() : '')}
      isInvalid={Boolean(error)}
      isRequired={isRequired}
      validationBehavior="aria"
      granularity="day"
      className="flex flex-col gap-2"
    >
      <Label className={labelClass}>
        {label}
        {isRequired && <span className={requiredMark}>{t('form.required')}</span>}
      </Label>
      {description && (
        <Text slot="description" className={descriptionClass}>
          {description}
        </Text>
      )}
      <DateInput className={inputBox}>{(part) => <DateSegment segment={part} className={segment} />}</DateInput>
      {date && (
        <span className="text-dns-16N-130 text-solid-gray-800" aria-hidden="true">
          {dateLabel(`${date.toString()}T12:00:00+09:00`, language)}
        </span>
      )}
      <FieldError>{error}</FieldError>
    </DateField>
  );
}

const toTime = (value: string): Time | null => {
  try {
    return value ? parseTime(value) : null;
  } catch {
    return null;
  }
};

/** react-aria's TimeField on a 24-hour clock; the value is "HH:MM". */
export function TimeFieldInput({
  label,
  description,
  error,
  isRequired,
  value,
  onChange,
}: Common & { value: string; onChange: (value: string) => void }) {
  const { t } = useLanguage();
  return (
    <TimeField
      value={toTime(value)}
      onChange={(next) => onChange(next ? next.toString().slice(0, 5) : '')}
      hourCycle={24}
      isInvalid={Boolean(error)}
      isRequired={isRequired}
      validationBehavior="aria"
      className="flex flex-col gap-2"
    >
      <Label className={labelClass}>
        {label}
        {isRequired && <span className={requiredMark}>{t('form.required')}</span>}
      </Label>
      {description && (
        <Text slot="description" className={descriptionClass}>
          {description}
        </Text>
      )}
      <DateInput className={inputBox}>{(part) => <DateSegment segment={part} className={segment} />}</DateInput>
      <FieldError>{error}</FieldError>
    </TimeField>
  );
}
