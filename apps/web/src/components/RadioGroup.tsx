import { Label, Radio, RadioGroup as AriaRadioGroup, Text } from 'react-aria-components';
import { descriptionClass, labelClass, requiredMark } from './field-styles';
import { FieldError } from './FieldError';
import { useLanguage } from '../i18n/language';

export interface RadioOption {
  id: string;
  label: string;
  description?: string;
  isDisabled?: boolean;
}

export interface RadioGroupProps {
  label: string;
  options: RadioOption[];
  value: string | null;
  onChange: (value: string) => void;
  description?: string;
  error?: string;
  isRequired?: boolean;
  isDisabled?: boolean;
  orientation?: 'vertical' | 'horizontal';
}

/** react-aria's RadioGroup: one tab stop, arrow keys move and select, as the ARIA pattern says. */
export function RadioGroup({
  label,
  options,
  value,
  onChange,
  description,
  error,
  isRequired,
  isDisabled,
  orientation = 'vertical',
}: RadioGroupProps) {
  const { t } = useLanguage();
  return (
    <AriaRadioGroup
      value={value}
      onChange={onChange}
      isInvalid={Boolean(error)}
      isRequired={isRequired}
      isDisabled={isDisabled}
      validationBehavior="aria"
      orientation={orientation}
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
      <div className={orientation === 'horizontal' ? 'flex flex-wrap gap-x-6 gap-y-2' : 'flex flex-col gap-2'}>
        {options.map((option) => (
          <Radio
            key={option.id}
            value={option.id}
            isDisabled={option.isDisabled}
            className="group flex cursor-pointer items-start gap-3 rounded-8 py-1 text-std-16N-170 data-[disabled]:cursor-not-allowed data-[disabled]:text-solid-gray-536"
          >
            <span
              aria-hidden="true"
              className="mt-1 flex size-6 shrink-0 items-center justify-center rounded-full border-2 border-solid-gray-600 bg-white group-data-[selected]:border-blue-900 group-data-[focus-visible]:outline-4 group-data-[focus-visible]:outline-black group-data-[disabled]:border-solid-gray-300"
            >
              <span className="size-3 rounded-full bg-blue-900 opacity-0 group-data-[selected]:opacity-100" />
            </span>
            <span className="flex flex-col">
              <span>{option.label}</span>
              {option.description && <span className="text-dns-14N-130 text-solid-gray-700">{option.description}</span>}
            </span>
          </Radio>
        ))}
      </div>
      <FieldError>{error}</FieldError>
    </AriaRadioGroup>
  );
}
