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
}

export function markdownTable(figures: Figure[]): string {
  const lines = ['| # | figure | value | baseline | ratio | target | met? |', '| --- | --- | --- | --- | --- | --- | --- |'];
  for (const f of figures) {
    const baseline = f.baseline === undefined ? '' : `${formatNumber(f.baseline, f.unit)}${f.baselineLabel ? ` (${f.baselineLabel})` : ''}`;
    const ratio = f.ratio === undefined ? '' : `${formatNumber(f.ratio)}×`;
    const met = f.met === undefined ? '' : f.met ? 'yes' : '**no**';
    lines.push(`| ${f.scenario} | ${f.figure} | ${f.display ?? formatNumber(f.value, f.unit)} | ${baseline} | ${ratio} | ${f.target ?? ''} | ${met} |`);
  }
  return lines.join('\n');
}
