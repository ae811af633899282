import { ReactNode } from 'react';
import { ErrorIcon, InfoIcon, SuccessIcon, WarningIcon } from './icons';

export type AlertTone = 'info' | 'success' | 'warning' | 'error';

const TONES: Record<AlertTone, { box: string; icon: () => ReactNode }> = {
  info: { box: 'border-blue-900 bg-blue-50 text-blue-1200', icon: InfoIcon },
  success: { box: 'border-success-2 bg-green-50 text-green-1200', icon: SuccessIcon },
  warning: { box: 'border-warning-yellow-2 bg-yellow-50 text-yellow-1200', icon: WarningIcon },
  error: { box: 'border-error-2 bg-red-50 text-red-1200', icon: ErrorIcon },
};

/**
 * A notification box with an icon and a heading in words (never colour alone). Errors and
 * successes are announced (role alert / status); the others are read in place.
 */
export function Alert({
  tone,
  title,
  children,
  className = '',
}: {
  tone: AlertTone;
  title: string;
  children?: ReactNode;
  className?: string;
}) {
  const { box, icon: Icon } = TONES[tone];
  const role = tone === 'error' ? 'alert' : tone === 'success' ? 'status' : undefined;
  return (
    <div role={role} className={`flex gap-3 rounded-8 border-2 p-4 ${box} ${className}`}>
      <Icon />
      <div className="flex min-w-0 flex-col gap-1">
        <p className="text-std-16B-170">{title}</p>
        {children && <div className="text-std-16N-170">{children}</div>}
      </div>
    </div>
  );
}
