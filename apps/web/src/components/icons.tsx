/** Inline SVG icons: nothing is fetched from outside, and each is hidden from assistive technology. */
const base = {
  'aria-hidden': true,
  focusable: false,
  width: 20,
  height: 20,
  viewBox: '0 0 24 24',
  fill: 'currentColor',
} as const;

export const ErrorIcon = () => (
  <svg {...base} className="mt-1 shrink-0">
    <path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-2h2v2Zm0-4h-2V7h2v6Z" />
  </svg>
);
export const InfoIcon = () => (
  <svg {...base} className="mt-1 shrink-0">
    <path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-6h2v6Zm0-8h-2V7h2v2Z" />
  </svg>
);
export const SuccessIcon = () => (
  <svg {...base} className="mt-1 shrink-0">
    <path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-2 15-5-5 1.4-1.4 3.6 3.6 7.6-7.6L19 8l-9 9Z" />
  </svg>
);
export const WarningIcon = () => (
  <svg {...base} className="mt-1 shrink-0">
    <path d="M1 21h22L12 2 1 21Zm12-3h-2v-2h2v2Zm0-4h-2v-4h2v4Z" />
  </svg>
);
export const ChevronDownIcon = () => (
  <svg {...base}>
    <path d="M7.4 8.6 12 13.2l4.6-4.6L18 10l-6 6-6-6 1.4-1.4Z" />
  </svg>
);
export const MenuIcon = () => (
  <svg {...base}>
    <path d="M3 6h18v2H3V6Zm0 5h18v2H3v-2Zm0 5h18v2H3v-2Z" />
  </svg>
);
export const CheckIcon = () => (
  <svg {...base} width={16} height={16}>
    <path d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4L9 16.2Z" />
  </svg>
);
