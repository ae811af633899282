import {
  Button as AriaButton,
  Key,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select as AriaSelect,
  SelectValue,
  Text,
} from 'react-aria-components';
import { descriptionClass, labelClass, requiredMark } from './field-styles';
import { FieldError } from './FieldError';
import { ChevronDownIcon } from './icons';
import { useLanguage } from '../i18n/language';

export interface Option {
  id: string;
  label: string;
}

export interface SelectProps {
  label: string;
  options: Option[];
  value: string | null;
  onChange: (value: string | null) => void;
  description?: string;
  error?: string;
  isRequired?: boolean;
  isDisabled?: boolean;
  placeholder?: string;
  className?: string;
}

/** react-aria's Select: a button that opens a listbox, typeahead and arrow keys included. */
export function Select({
  label,
  options,
  value,
  onChange,
  description,
  error,
  isRequired,
  isDisabled,
  placeholder,
  className = '',
}: SelectProps) {
  const { t } = useLanguage();
  return (
    <AriaSelect
      selectedKey={value}
      onSelectionChange={(key: Key | null) => onChange(key === null ? null : String(key))}
      isInvalid={Boolean(error)}
      isRequired={isRequired}
      isDisabled={isDisabled}
      validationBehavior="aria"
      placeholder={placeholder ?? t('form.choose')}
      className={`flex flex-col gap-2 ${className}`}
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
      <AriaButton className="flex min-h-12 w-full items-center justify-between gap-2 rounded-8 border border-solid-gray-600 bg-white px-4 py-2 text-left text-std-16N-170 hover:border-black data-[invalid]:border-2 data-[invalid]:border-error-1 disabled:bg-solid-gray-50">
        <SelectValue className="truncate data-[placeholder]:text-solid-gray-700" />
        <ChevronDownIcon />
      </AriaButton>
      <FieldError>{error}</FieldError>
      <Popover className="min-w-(--trigger-width) rounded-8 border border-solid-gray-600 bg-white shadow-2">
        <ListBox className="max-h-80 overflow-auto p-1 outline-none">
          {options.map((option) => (
            <ListBoxItem
              key={option.id}
              id={option.id}
              textValue={option.label}
              className="cursor-default rounded-4 px-3 py-2 text-std-16N-170 outline-none data-[focused]:bg-blue-100 data-[selected]:font-bold data-[selected]:text-blue-1000"
            >
              {option.label}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}
