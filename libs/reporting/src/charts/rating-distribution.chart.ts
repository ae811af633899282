import { LABELS } from '../labels';
import { INK, OUTLINE, swatchOf } from './palette';
import { describeDistribution, Distribution } from './rating-counts';
import { Chart, fitText, flow, Shape, textWidth } from './scene';

const WIDTH = 760;
const FONT = 11;
const LABEL_WIDTH = 230;
const BAR_X = 240;
const BAR_WIDTH = 440;
const ROW_HEIGHT = 22;
const ROW_GAP = 6;
const SWATCH = 12;

/** Stacked horizontal bars, one per row, each 100% of its row's projects (A+, A, B, *, - in that order). */
export function ratingDistributionChart(distribution: Distribution, id: string, title: string): Chart {
  const legend = legendShapes(distribution);
  const top = legend.height + 10;
  const shapes: Shape[] = [...legend.shapes];
  distribution.rows.forEach((row, index) => {
    const y = top + index * (ROW_HEIGHT + ROW_GAP);
    shapes.push({
      kind: 'text',
      x: 0,
      y: y + ROW_HEIGHT / 2,
      text: fitText(row.label, FONT, LABEL_WIDTH),
      size: FONT,
      fill: INK,
    });
    shapes.push(...barShapes(distribution, row.counts, row.total, y));
    shapes.push({
      kind: 'text',
      x: BAR_X + BAR_WIDTH + 8,
      y: y + ROW_HEIGHT / 2,
      text: `計${row.total}件`,
      size: FONT,
      fill: INK,
    });
  });
  const height = top + distribution.rows.length * (ROW_HEIGHT + ROW_GAP);
  return { id, title, description: describeDistribution(distribution), width: WIDTH, height, shapes };
}

function barShapes(distribution: Distribution, counts: number[], total: number, y: number): Shape[] {
  if (total === 0) {
    return [
      { kind: 'rect', x: BAR_X, y, width: BAR_WIDTH, height: ROW_HEIGHT, fill: '#ffffff', stroke: OUTLINE },
      {
        kind: 'text',
        x: BAR_X + BAR_WIDTH / 2,
        y: y + ROW_HEIGHT / 2,
        text: '対象なし',
        size: FONT,
        fill: INK,
        anchor: 'middle',
      },
    ];
  }
  const shapes: Shape[] = [];
  let x = BAR_X;
  distribution.buckets.forEach((bucket, i) => {
    if (counts[i] === 0) return;
    const width = (counts[i] / total) * BAR_WIDTH;
    const swatch = swatchOf(distribution.scheme, bucket.key, i);
    shapes.push({ kind: 'rect', x, y, width, height: ROW_HEIGHT, fill: swatch.fill, stroke: OUTLINE });
    const label = segmentLabel(bucket.key, counts[i], width);
    if (label)
      shapes.push({
        kind: 'text',
        x: x + width / 2,
        y: y + ROW_HEIGHT / 2,
        text: label,
        size: FONT,
        fill: swatch.text,
        anchor: 'middle',
      });
    x += width;
  });
  return shapes;
}

/** Grade and count inside the segment when they fit, so the bar reads without colour. */
function segmentLabel(key: string, count: number, width: number): string | undefined {
  const grade = key === 'unrated' ? LABELS.unrated : key;
  return [`${grade} ${count}`, grade].find((label) => textWidth(label, FONT) + 6 <= width);
}

function legendShapes(distribution: Distribution): { shapes: Shape[]; height: number } {
  const items = distribution.buckets.map((bucket) =>
    bucket.key === 'unrated' ? bucket.label : `${bucket.key} ${bucket.label}`,
  );
  const widths = items.map((item) => SWATCH + 4 + textWidth(item, FONT));
  const positions = flow(widths, WIDTH, 16, 18);
  const shapes = items.flatMap((item, i): Shape[] => {
    const { x, y } = positions[i];
    const swatch = swatchOf(distribution.scheme, distribution.buckets[i].key, i);
    return [
      { kind: 'rect', x, y: y + 3, width: SWATCH, height: SWATCH, fill: swatch.fill, stroke: OUTLINE },
      { kind: 'text', x: x + SWATCH + 4, y: y + 9, text: item, size: FONT, fill: INK },
    ];
  });
  return { shapes, height: (positions.at(-1)?.y ?? 0) + 18 };
}
