import {
  Label,
  Text,
  TextArea as AriaTextArea,
  TextField as AriaTextField,
  TextFieldProps as AriaTextFieldProps,
} from 'react-aria-components';
import { descriptionClass, inputClass, labelClass, requiredMark } from './field-styles';
import { FieldError } from './FieldError';
import { useLanguage } from '../i18n/language';

export interface TextAreaProps extends Omit<AriaTextFieldProps, 'className' | 'children'> {
  label: string;
  description?: string;
  error?: string;
  rows?: number;
  className?: string;
}

export function TextArea({ label, description, error, rows = 4, className = '', ...props }: TextAreaProps) {
  const { t } = useLanguage();
  return (
    <AriaTextField
      {...props}
      isInvalid={Boolean(error) || props.isInvalid}
      validationBehavior="aria"
      className={`flex flex-col gap-2 ${className}`}
    >
      <Label className={labelClass}>
        {label}
        {props.isRequired && <span className={requiredMark}>{t('form.required')}</span>}
      </Label>
      {description && (
        <Text slot="description" className={descriptionClass}>
          {description}
        </Text>
      )}
      <AriaTextArea rows={rows} className={`${inputClass} resize-y`} />
      <FieldError>{error}</FieldError>
    </AriaTextField>
  );
}
