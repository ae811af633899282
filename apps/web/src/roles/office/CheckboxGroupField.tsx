import { Checkbox, CheckboxGroup, Label, Text } from 'react-aria-components';
import { FieldError } from '../../components/FieldError';
import { descriptionClass, labelClass, requiredMark } from '../../components/field-styles';
import { CheckIcon } from '../../components/icons';
import { useLanguage } from '../../i18n/language';

export interface CheckboxOption {
  id: string;
  label: string;
  description?: string;
}

/**
 * react-aria's CheckboxGroup: one label for the group, and the server's message for the whole
 * selection (e.g. `sectionIds`) tied to it with aria-describedby.
 */
export function CheckboxGroupField({
  label,
  description,
  options,
  value,
  onChange,
  error,
  isRequired,
}: {
  label: string;
  description?: string;
  options: CheckboxOption[];
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
  isRequired?: boolean;
}) {
  const { t } = useLanguage();
  return (
    <CheckboxGroup
      value={value}
      onChange={onChange}
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
      <div className="flex flex-col gap-2">
        {options.map((option) => (
          <Checkbox
            key={option.id}
            value={option.id}
            className="group flex cursor-pointer items-start gap-3 py-1 text-std-16N-170"
          >
            <span
              aria-hidden="true"
              className="mt-1 flex size-6 shrink-0 items-center justify-center rounded-4 border-2 border-solid-gray-600 bg-white text-white group-data-[selected]:border-blue-900 group-data-[selected]:bg-blue-900 group-data-[focus-visible]:outline-4 group-data-[focus-visible]:outline-black group-data-[invalid]:border-error-1"
            >
              <span className="hidden group-data-[selected]:block">
                <CheckIcon />
              </span>
            </span>
            <span className="flex flex-col">
              <span>{option.label}</span>
              {option.description && <span className="text-dns-14N-130 text-solid-gray-700">{option.description}</span>}
            </span>
          </Checkbox>
        ))}
      </div>
      <FieldError>{error}</FieldError>
    </CheckboxGroup>
  );
}

/** A single yes/no checkbox with its label beside the box. */
export function CheckboxField({
  label,
  isSelected,
  onChange,
  description,
}: {
  label: string;
  isSelected: boolean;
  onChange: (value: boolean) => void;
  description?: string;
}) {
  return (
    <Checkbox
      isSelected={isSelected}
      onChange={onChange}
      className="group flex cursor-pointer items-start gap-3 py-1 text-std-16N-170"
    >
      <span
        aria-hidden="true"
        className="mt-1 flex size-6 shrink-0 items-center justify-center rounded-4 border-2 border-solid-gray-600 bg-white text-white group-data-[selected]:border-blue-900 group-data-[selected]:bg-blue-900 group-data-[focus-visible]:outline-4 group-data-[focus-visible]:outline-black"
      >
        <span className="hidden group-data-[selected]:block">
          <CheckIcon />
        </span>
      </span>
      <span className="flex flex-col">
        <span>{label}</span>
        {description && <span className="text-dns-14N-130 text-solid-gray-700">{description}</span>}
      </span>
    </Checkbox>
  );
}
