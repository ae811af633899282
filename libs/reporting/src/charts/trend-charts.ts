import type { KpiRow, ReportModel, Summary, SummaryRow } from '@pdca/projections';
import { parseMeasuredValue, warekiFiscalYear } from '@pdca/kernel';
import { schemeOf } from '@pdca/review';
import type { KpiHistoryPoint, SummaryHistoryEntry } from '../publication-info';
import { lineChart, niceMax, Series } from './line-chart';
import { swatchOf } from './palette';
import type { Chart, MarkerShape } from './scene';

const MARKERS: MarkerShape[] = ['circle', 'square', 'diamond', 'triangle', 'bar'];
const DASHES: Array<[number, number] | undefined> = [undefined, [6, 3], [2, 2], [10, 3], [1, 3]];

/** The report's own year joins the history; earlier entries for that year are ignored. */
function yearsWith<T extends { fiscalYear: number }>(history: T[], current: T): T[] {
  return [...history.filter((entry) => entry.fiscalYear !== current.fiscalYear), current].sort(
    (a, b) => a.fiscalYear - b.fiscalYear,
  );
}

/** Share per rating over the years; undefined with fewer than two years or another scheme's history. */
export function summaryTrendChart(
  model: ReportModel,
  history: SummaryHistoryEntry[] | undefined,
  id: string,
): Chart | undefined {
  const entries = yearsWith(
    (history ?? []).filter((entry) => entry.summary.scheme === model.scheme),
    { fiscalYear: model.fiscalYear, summary: model.summary },
  );
  if (entries.length < 2) return undefined;
  const rowsOf = (summary: Summary): SummaryRow[] => schemeOf(summary.scheme).categories(summary);
  const series: Series[] = rowsOf(model.summary).map((row, i) => ({
    label: row.key,
    values: entries.map((entry) => rowsOf(entry.summary).find((r) => r.key === row.key)?.share),
    stroke: swatchOf(model.scheme, row.key, i).stroke,
    marker: MARKERS[i % MARKERS.length],
    dash: DASHES[i % DASHES.length],
  }));
  const description = entries
    .map(
      (entry) =>
        `${warekiFiscalYear(entry.fiscalYear)}：${rowsOf(entry.summary)
          .map((row) => `${row.key} ${row.share}%（${row.count}件）`)
          .join('、')}。`,
    )
    .join('');
  return lineChart({
    id,
    title: '評価別の割合の推移',
    description,
    years: entries.map((e) => e.fiscalYear),
    series,
    yMax: 100,
    format: (v) => `${Math.round(v)}%`,
  });
}

/** One KPI's actual over the years; undefined unless two years have a figure. */
export function kpiTrendChart(
  model: ReportModel,
  kpi: KpiRow,
  history: KpiHistoryPoint[] | undefined,
  id: string,
): Chart | undefined {
  if (!history?.length) return undefined;
  const current: KpiHistoryPoint = {
    fiscalYear: model.fiscalYear,
    actual: kpi.actual,
    number: parseMeasuredValue(kpi.actual).number,
  };
  const points = yearsWith(history, current);
  const numbers = points.map((point) => point.number);
  if (numbers.filter((n) => n !== undefined).length < 2) return undefined;
  const description = points.map((point) => `${warekiFiscalYear(point.fiscalYear)}：${point.actual || '—'}`).join('、');
  return lineChart({
    id,
    title: `${kpi.indicator}の推移`,
    description: `${kpi.indicator}の実績の推移。${description}。目標値 ${kpi.target}。`,
    years: points.map((point) => point.fiscalYear),
    series: [{ label: '実績', values: numbers, stroke: '#0d47a1', marker: 'circle' }],
    yMax: niceMax(Math.max(...numbers.filter((n): n is number => n !== undefined))),
    format: (v) => v.toLocaleString('ja-JP', { maximumFractionDigits: 1 }),
  });
}
