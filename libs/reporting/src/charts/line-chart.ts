import { warekiFiscalYear } from '@pdca/kernel';
import { GRID, INK } from './palette';
import { Chart, MarkerShape, Shape } from './scene';

export interface Series {
  label: string;
  /** One value per year; undefined leaves a gap. */
  values: Array<number | undefined>;
  stroke: string;
  marker: MarkerShape;
  dash?: [number, number];
}

export interface LineChartInput {
  id: string;
  title: string;
  description: string;
  years: number[];
  series: Series[];
  yMax: number;
  format: (value: number) => string;
}

const WIDTH = 760;
const HEIGHT = 250;
const FONT = 11;
const PLOT = { left: 56, right: 600, top: 34, bottom: 210 };

/** Years across, values up; each series ends in a direct label so no legend lookup is needed. */
export function lineChart(input: LineChartInput): Chart {
  const { years, yMax } = input;
  const xOf = (i: number) =>
    years.length === 1
      ? (PLOT.left + PLOT.right) / 2
      : PLOT.left + 20 + (i / (years.length - 1)) * (PLOT.right - PLOT.left - 40);
  const yOf = (value: number) => PLOT.bottom - (Math.min(value, yMax) / yMax) * (PLOT.bottom - PLOT.top);
  const shapes: Shape[] = [
    ...axes(input, yOf),
    ...years.map((year, i): Shape => ({
      kind: 'text',
      x: xOf(i),
      y: PLOT.bottom + 16,
      text: warekiFiscalYear(year),
      size: FONT,
      fill: INK,
      anchor: 'middle',
    })),
  ];
  const endLabels: Array<{ y: number; text: string; fill: string }> = [];
  for (const series of input.series) {
    const points = series.values.flatMap((value, i): Array<[number, number]> =>
      value === undefined ? [] : [[xOf(i), yOf(value)]],
    );
    if (points.length > 1) shapes.push({ kind: 'line', points, stroke: series.stroke, width: 2, dash: series.dash });
    points.forEach(([x, y]) =>
      shapes.push({ kind: 'marker', shape: series.marker, x, y, size: 8, fill: series.stroke, stroke: series.stroke }),
    );
    const last = lastDefined(series.values);
    if (last !== undefined)
      endLabels.push({ y: yOf(last), text: `${series.label} ${input.format(last)}`, fill: series.stroke });
  }
  spreadApart(endLabels, 13).forEach((label) =>
    shapes.push({ kind: 'text', x: PLOT.right + 10, y: label.y, text: label.text, size: FONT, fill: label.fill }),
  );
  return { id: input.id, title: input.title, description: input.description, width: WIDTH, height: HEIGHT, shapes };
}

function axes(input: LineChartInput, yOf: (value: number) => number): Shape[] {
  const shapes: Shape[] = [];
  for (let step = 0; step <= 4; step++) {
    const value = (input.yMax * step) / 4;
    const y = yOf(value);
    shapes.push({
      kind: 'line',
      points: [
        [PLOT.left, y],
        [PLOT.right, y],
      ],
      stroke: GRID,
      width: step === 0 ? 1 : 0.5,
      dash: step === 0 ? undefined : [2, 3],
    });
    shapes.push({ kind: 'text', x: PLOT.left - 6, y, text: input.format(value), size: FONT, fill: INK, anchor: 'end' });
  }
  return shapes;
}

const lastDefined = (values: Array<number | undefined>) => [...values].reverse().find((value) => value !== undefined);

/** Direct labels of series that end close together are pushed apart so none overlaps another. */
function spreadApart<T extends { y: number }>(labels: T[], gap: number): T[] {
  const sorted = [...labels].sort((a, b) => a.y - b.y).map((label) => ({ ...label }));
  for (let i = 1; i < sorted.length; i++) sorted[i].y = Math.max(sorted[i].y, sorted[i - 1].y + gap);
  return sorted;
}

/** A round upper bound for the value axis (1, 2, 2.5 or 5 × 10ⁿ). */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= value * 1.05) ?? 10 * magnitude;
}
