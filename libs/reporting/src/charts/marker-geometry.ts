import type { MarkerShape } from './scene';

export type MarkerGeometry = { circle: { cx: number; cy: number; r: number } } | { polygon: Array<[number, number]> };

/** One geometry per marker, used by both painters so a marker looks the same on the page and in the PDF. */
export function markerGeometry(shape: MarkerShape, x: number, y: number, size: number): MarkerGeometry {
  const h = size / 2;
  switch (shape) {
    case 'circle':
      return { circle: { cx: x, cy: y, r: h } };
    case 'square':
      return {
        polygon: [
          [x - h, y - h],
          [x + h, y - h],
          [x + h, y + h],
          [x - h, y + h],
        ],
      };
    case 'diamond':
      return {
        polygon: [
          [x, y - h - 1],
          [x + h + 1, y],
          [x, y + h + 1],
          [x - h - 1, y],
        ],
      };
    case 'triangle':
      return {
        polygon: [
          [x, y - h - 1],
          [x + h + 1, y + h],
          [x - h - 1, y + h],
        ],
      };
    case 'bar':
      return {
        polygon: [
          [x - 1.5, y - size],
          [x + 1.5, y - size],
          [x + 1.5, y + size],
          [x - 1.5, y + size],
        ],
      };
  }
}
