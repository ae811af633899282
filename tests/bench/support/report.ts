import { loadavg } from 'node:os';
import { formatNumber } from './stats';

/** One line of the bench table. `met` is undefined for figures without a target. */
export interface Figure {
  scenario: string;
  figure: string;
  value: number;
  unit: string;
  /** How the value is shown in the table when a single number says too little (e.g. p50 / p95 / p99). */
  display?: string;
  baseline?: number;
  baselineLabel?: string;
  ratio?: number;
  target?: string;
  met?: boolean;
  note?: string;
  /** The machine's 1-minute load average when the figure was measured (shared machine: say it beside the figure). */
  load?: number;
}

/** The 1-minute load average now, as `uptime` shows it. */
export const loadNow = (): number => loadavg()[0];

export function markdownTable(figures: Figure[]): string {
  const lines = ['| # | figure | value | baseline | ratio | target | met? | load |', '| --- | --- | --- | --- | --- | --- | --- | --- |'];
  for (const f of figures) {
    const baseline = f.baseline === undefined ? '' : `${formatNumber(f.baseline, f.unit)}${f.baselineLabel ? ` (${f.baselineLabel})` : ''}`;
    const ratio = f.ratio === undefined ? '' : `${formatNumber(f.ratio)}×`;
    const met = f.met === undefined ? '' : f.met ? 'met' : '**missed**';
    const load = f.load === undefined ? '' : f.load.toFixed(1);
    lines.push(`| ${f.scenario} | ${f.figure} | ${f.display ?? formatNumber(f.value, f.unit)} | ${baseline} | ${ratio} | ${f.target ?? ''} | ${met} | ${load} |`);
  }
  const notes = figures.filter((f) => f.note).map((f) => `- ${f.scenario}, ${f.figure}: ${f.note}`);
  return [...lines, ...(notes.length ? ['', 'Notes:', '', ...notes] : [])].join('\n');
}
