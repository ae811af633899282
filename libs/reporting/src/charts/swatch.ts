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

export const UNRATED_SWATCH: Swatch = { fill: '#ffffff', text: '#000000', stroke: '#616161' };
