/**
 * Colours per rating. Segment text uses the colour that contrasts with its fill (WCAG 4.5:1,
 * checked by a test); lines use a darker stroke that stands out from white (3:1). Colour is never
 * the only carrier: segments are labelled with their grade, series have distinct markers and dashes.
 */
export interface Swatch {
  fill: string;
  text: string;
  stroke: string;
}

export const OUTLINE = '#1a1a1a';
export const INK = '#1a1a1a';
export const MUTED_INK = '#4a4a4a';
export const GRID = '#8a8a8a';

const SWATCHES: Record<string, Swatch> = {
  'A+': { fill: '#1b5e20', text: '#ffffff', stroke: '#1b5e20' },
  A: { fill: '#81c784', text: '#000000', stroke: '#0d47a1' },
  B: { fill: '#ffb300', text: '#000000', stroke: '#a04000' },
  '*': { fill: '#90a4ae', text: '#000000', stroke: '#37474f' },
  '-': { fill: '#e0e0e0', text: '#000000', stroke: '#5d4037' },
  unrated: { fill: '#ffffff', text: '#000000', stroke: '#616161' },
};

const TAISHO_SWATCHES: Record<string, Swatch> = {
  A: { fill: '#1565c0', text: '#ffffff', stroke: '#1565c0' },
  B: { fill: '#ffb300', text: '#000000', stroke: '#a04000' },
  unrated: SWATCHES.unrated,
};

export function swatchOf(scheme: 'nerima' | 'taisho', key: string): Swatch {
  return (scheme === 'taisho' ? TAISHO_SWATCHES : SWATCHES)[key] ?? SWATCHES.unrated;
}

export const allSwatches = (): Swatch[] => [...Object.values(SWATCHES), ...Object.values(TAISHO_SWATCHES)];

/** WCAG 2 contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
