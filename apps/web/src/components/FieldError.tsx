import { FieldError as AriaFieldError } from 'react-aria-components';
import { errorClass } from './field-styles';
import { ErrorIcon } from './icons';

/**
 * An error shown under its field. react-aria ties it to the input with aria-describedby and
 * marks the input aria-invalid; the icon and the words carry the meaning, not only the red.
 */
export function FieldError({ children }: { children?: string }) {
  return (
    <AriaFieldError className={errorClass}>
      <ErrorIcon />
      <span>{children}</span>
    </AriaFieldError>
  );
}
