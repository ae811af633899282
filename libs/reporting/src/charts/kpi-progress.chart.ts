import type { KpiRow, PlanSection } from '@pdca/projections';
import { parseMeasuredValue } from '@pdca/kernel';
import { INK, MUTED_INK, GRID } from './palette';
import { Chart, fitText, MarkerShape, Shape } from './scene';

const WIDTH = 760;
const FONT = 11;
const LINE_X = 10;
const LINE_WIDTH = 330;
const TEXT_X = 360;
const ROW_HEIGHT = 46;

/** Each value has its own marker shape, so the chart reads without colour. */
const MARKERS: Array<{ key: 'baseline' | 'actual' | 'target'; label: string; shape: MarkerShape; fill: string }> = [
  { key: 'baseline', label: '現状値', shape: 'circle', fill: '#ffffff' },
  { key: 'actual', label: '実績', shape: 'diamond', fill: '#0d47a1' },
  { key: 'target', label: '目標値', shape: 'bar', fill: '#1a1a1a' },
];

interface Point {
  kpi: KpiRow;
  values: Record<'baseline' | 'actual' | 'target', number>;
}

/**
 * The KPIs that can be drawn: those with 達成度 (baseline, actual and target numbers in one unit).
 * KpiRow carries only the texts, so the figures are parsed again with the kernel's own parser.
 */
export function numericKpis(plan: PlanSection): Point[] {
  const points: Point[] = [];
  for (const kpi of plan.kpis) {
    if (kpi.achievementPercent === undefined) continue;
    const [baseline, actual, target] = [kpi.baseline, kpi.actual, kpi.target].map(
      (text) => parseMeasuredValue(text).number,
    );
    if (baseline === undefined || actual === undefined || target === undefined) continue;
    points.push({ kpi, values: { baseline, actual, target } });
  }
  return points;
}

/** Baseline → actual → target per numeric KPI on its own scale; undefined when the plan has none. */
export function kpiProgressChart(plan: PlanSection, id: string, title: string): Chart | undefined {
  const points = numericKpis(plan);
  if (points.length === 0) return undefined;
  const shapes: Shape[] = legend();
  points.forEach((point, index) => shapes.push(...rowShapes(point, 28 + index * ROW_HEIGHT)));
  const description = points
    .map(
      ({ kpi }) =>
        `${kpi.indicator}：現状値 ${kpi.baseline}、実績 ${kpi.actual}、目標値 ${kpi.target}、達成度 ${kpi.achievementPercent}%。`,
    )
    .join('');
  return { id, title, description, width: WIDTH, height: 28 + points.length * ROW_HEIGHT, shapes };
}

function rowShapes({ kpi, values }: Point, y: number): Shape[] {
  const low = Math.min(values.baseline, values.actual, values.target);
  const high = Math.max(values.baseline, values.actual, values.target);
  const span = high - low || 1;
  const xOf = (value: number) => LINE_X + 8 + ((value - low) / span) * (LINE_WIDTH - 16);
  const lineY = y + 28;
  const shapes: Shape[] = [
    { kind: 'text', x: 0, y: y + 10, text: fitText(kpi.indicator, FONT, WIDTH - 10), size: FONT, fill: INK },
    {
      kind: 'line',
      points: [
        [LINE_X, lineY],
        [LINE_X + LINE_WIDTH, lineY],
      ],
      stroke: GRID,
      width: 1,
    },
    {
      kind: 'line',
      points: [
        [xOf(values.baseline), lineY],
        [xOf(values.actual), lineY],
      ],
      stroke: '#0d47a1',
      width: 3,
    },
  ];
  for (const marker of MARKERS) {
    shapes.push({
      kind: 'marker',
      shape: marker.shape,
      x: xOf(values[marker.key]),
      y: lineY,
      size: 10,
      fill: marker.fill,
      stroke: INK,
    });
  }
  const summary = `現状値 ${kpi.baseline} → 実績 ${kpi.actual}（目標値 ${kpi.target}・達成度 ${kpi.achievementPercent}%）`;
  shapes.push({
    kind: 'text',
    x: TEXT_X,
    y: lineY,
    text: fitText(summary, FONT, WIDTH - TEXT_X),
    size: FONT,
    fill: MUTED_INK,
  });
  return shapes;
}

function legend(): Shape[] {
  return MARKERS.flatMap((marker, i): Shape[] => [
    { kind: 'marker', shape: marker.shape, x: 8 + i * 90, y: 9, size: 10, fill: marker.fill, stroke: INK },
    { kind: 'text', x: 18 + i * 90, y: 9, text: marker.label, size: FONT, fill: INK },
  ]);
}
