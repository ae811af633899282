import {
  Input,
  Label,
  Text,
  TextField as AriaTextField,
  TextFieldProps as AriaTextFieldProps,
} from 'react-aria-components';
import { descriptionClass, inputClass, labelClass, requiredMark } from './field-styles';
import { FieldError } from './FieldError';
import { useLanguage } from '../i18n/language';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'className' | 'children'> {
  label: string;
  description?: string;
  /** The server's (or the form's) message for this field; shown under it and tied to it. */
  error?: string;
  inputMode?: 'text' | 'numeric' | 'decimal';
  className?: string;
}

export function TextField({ label, description, error, inputMode, className = '', ...props }: TextFieldProps) {
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
      <Input className={inputClass} inputMode={inputMode} />
      <FieldError>{error}</FieldError>
    </AriaTextField>
  );
}
