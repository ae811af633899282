/**
 * A chart as plain shapes, drawn by two painters: SVG for the page and pdfkit for the PDF.
 * Text is positioned by its vertical middle so both painters can place it the same way.
 */
export type MarkerShape = 'circle' | 'square' | 'diamond' | 'triangle' | 'bar';

export type Shape =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; fill: string; stroke?: string }
  | {
      kind: 'text';
      x: number;
      y: number;
      text: string;
      size: number;
      fill: string;
      anchor?: 'start' | 'middle' | 'end';
    }
  | { kind: 'line'; points: Array<[number, number]>; stroke: string; width: number; dash?: [number, number] }
  | { kind: 'marker'; shape: MarkerShape; x: number; y: number; size: number; fill: string; stroke: string };

export interface Chart {
  /** Unique within the page: the SVG's title and description are referenced by it. */
  id: string;
  /** Short name, read first by a screen reader (SVG <title>). */
  title: string;
  /** The chart's data in words: the text alternative (SVG <desc>). */
  description: string;
  width: number;
  height: number;
  shapes: Shape[];
}

/**
 * Server-side rendering cannot measure glyphs without a font engine, so widths are estimated:
 * full-width (CJK, kana, full-width forms) 1em, everything else about 0.6em. Callers leave slack.
 */
export function textWidth(text: string, size: number): number {
  let ems = 0;
  for (const char of text) ems += isWide(char.codePointAt(0) ?? 0) ? 1 : 0.6;
  return ems * size;
}

const isWide = (code: number) =>
  (code >= 0x2e80 && code <= 0xa4cf) ||
  (code >= 0xac00 && code <= 0xd7a3) ||
  (code >= 0xf900 && code <= 0xfaff) ||
  (code >= 0xfe30 && code <= 0xfe4f) ||
  (code >= 0xff00 && code <= 0xff60) ||
  (code >= 0xffe0 && code <= 0xffe6) ||
  code >= 0x20000;

/** Cuts text to fit a width, marking the cut with "…"; the full text stays in the description. */
export function fitText(text: string, size: number, maxWidth: number): string {
  if (textWidth(text, size) <= maxWidth) return text;
  let cut = '';
  for (const char of text) {
    if (textWidth(`${cut}${char}…`, size) > maxWidth) break;
    cut += char;
  }
  return `${cut}…`;
}

/** Row labels and legends flow left to right and wrap; returns each item's position. */
export function flow(
  widths: number[],
  maxWidth: number,
  gap: number,
  lineHeight: number,
): Array<{ x: number; y: number }> {
  const positions: Array<{ x: number; y: number }> = [];
  let x = 0;
  let y = 0;
  for (const width of widths) {
    if (x > 0 && x + width > maxWidth) {
      x = 0;
      y += lineHeight;
    }
    positions.push({ x, y });
    x += width + gap;
  }
  return positions;
}
