import { Button as AriaButton, ButtonProps as AriaButtonProps } from 'react-aria-components';

export type ButtonVariant = 'primary' | 'secondary' | 'tertiary' | 'danger';

const VARIANTS: Record<ButtonVariant, string> = {
  primary:
    'bg-blue-900 text-white border-blue-900 hover:bg-blue-1000 hover:border-blue-1000 data-[pressed]:bg-blue-1200',
  secondary: 'bg-white text-blue-900 border-blue-900 hover:bg-blue-50 hover:text-blue-1000 data-[pressed]:bg-blue-100',
  tertiary: 'bg-transparent text-blue-900 border-transparent underline underline-offset-4 hover:bg-blue-50',
  danger: 'bg-error-2 text-white border-error-2 hover:bg-red-1000 hover:border-red-1000',
};

export interface ButtonProps extends Omit<AriaButtonProps, 'className'> {
  variant?: ButtonVariant;
  size?: 'md' | 'sm';
  className?: string;
}

/** react-aria's Button (keyboard, press and focus handled) in the Digital Agency's button styles. */
export function Button({ variant = 'primary', size = 'md', className = '', ...props }: ButtonProps) {
  const sizing = size === 'md' ? 'min-h-12 px-4 text-std-16B-170' : 'min-h-9 px-3 text-dns-16B-130';
  return (
    <AriaButton
      {...props}
      className={`inline-flex items-center justify-center gap-2 rounded-8 border-2 ${sizing} ${VARIANTS[variant]} disabled:cursor-not-allowed disabled:border-solid-gray-300 disabled:bg-solid-gray-300 disabled:text-solid-gray-700 data-[pending]:opacity-80 ${className}`}
    />
  );
}
