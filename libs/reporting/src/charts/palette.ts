import type { SchemeId } from '@pdca/review';
import { allReportSchemes, reportSchemeOf } from '../schemes/registry';
import type { Swatch } from './swatch';
export type { Swatch } from './swatch';
export { UNRATED_SWATCH } from './swatch';
import { UNRATED_SWATCH } from './swatch';

export const OUTLINE = '#1a1a1a';
export const INK = '#1a1a1a';
export const MUTED_INK = '#4a4a4a';
export const GRID = '#8a8a8a';

/** Each scheme's colours live with its report (libs/reporting/src/schemes); unknown keys draw as unrated. */
export function swatchOf(scheme: SchemeId, key: string, index: number): Swatch {
  return reportSchemeOf(scheme).swatch(key, index);
}

/** Every colour any scheme draws with, for the contrast checks. */
export const allSwatches = (): Swatch[] => [UNRATED_SWATCH, ...allReportSchemes().flatMap((scheme) => scheme.palette)];

/** WCAG 2 contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
