import type { CycleState } from '@pdca/review';

export interface SkippedYear {
  fiscalYear: number;
  records: number;
  reason: { ja: string; en: string };
}

/** Results go into open or closed cycles; a year not opened or already published is reported, not imported. */
export function skipReason(fiscalYear: number, cycle: CycleState): SkippedYear['reason'] | undefined {
  if (cycle.status === 'not_opened') {
    return {
      ja: `${fiscalYear}年度のサイクルが開始されていないため、実績・評価は取り込みません（計画体系のみ取り込みます）。`,
      en: `No cycle is open for FY${fiscalYear}: its results are not imported (the catalogue is).`,
    };
  }
  if (cycle.status === 'published')
    return {
      ja: `${fiscalYear}年度は公表済みのため、実績・評価は取り込みません。`,
      en: `FY${fiscalYear} is published: its results are not imported.`,
    };
  return undefined;
}

export function countSkipped(
  skipped: Map<number, SkippedYear>,
  fiscalYear: number,
  reason: SkippedYear['reason'],
): void {
  const year = skipped.get(fiscalYear) ?? { fiscalYear, records: 0, reason };
  year.records++;
  skipped.set(fiscalYear, year);
}
