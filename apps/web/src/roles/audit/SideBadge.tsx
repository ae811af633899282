import { useLanguage } from '../../i18n/language';
import type { MessageKey } from '../../i18n/messages.ja';
import type { Side } from './event-labels';

const STYLE: Record<Side, string> = {
  council: 'border-solid-gray-900 bg-solid-gray-900 text-white',
  section: 'border-solid-gray-700 bg-white text-solid-gray-900',
  office: 'border-solid-gray-700 border-dashed bg-white text-solid-gray-900',
  other: 'border-solid-gray-420 bg-white text-solid-gray-800',
};

/** Council or section, in words with a distinct icon shape (never colour alone). */
export function SideBadge({ side }: { side: Side }) {
  const { t } = useLanguage();
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-4 border-2 px-2 py-0.5 text-dns-14B-130 ${STYLE[side]}`}
    >
      <SideIcon side={side} />
      {t(`audit.side.${side}` as MessageKey)}
    </span>
  );
}

function SideIcon({ side }: { side: Side }) {
  const common = {
    width: 16,
    height: 16,
    viewBox: '0 0 16 16',
    'aria-hidden': true,
    focusable: false,
    fill: 'currentColor',
  } as const;
  if (side === 'council') {
    // Three seats: the council decides together.
    return (
      <svg {...common}>
        <circle cx="3" cy="6" r="2" />
        <circle cx="8" cy="4" r="2" />
        <circle cx="13" cy="6" r="2" />
        <rect x="1" y="10" width="14" height="4" rx="1" />
      </svg>
    );
  }
  if (side === 'section') {
    // A sheet with lines: the section's answer.
    return (
      <svg {...common}>
        <path d="M3 1h7l3 3v11H3z" fillOpacity="0" stroke="currentColor" strokeWidth="1.5" />
        <rect x="5" y="7" width="6" height="1.5" />
        <rect x="5" y="10" width="6" height="1.5" />
      </svg>
    );
  }
  // A square: the office (or the system).
  return (
    <svg {...common}>
      <rect x="2" y="2" width="12" height="12" fillOpacity="0" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
