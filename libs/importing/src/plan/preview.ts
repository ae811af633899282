import type { CatalogueCommand } from '@pdca/catalogue';
import { NERIMA_GRADES } from '@pdca/review';
import type { NerimaGrade, ReasonCategory } from '@pdca/review';
import type { ImportChange } from './changes';
import type { ImportedRecord } from './context';
import type { RowError } from '../row-error';

export type CatalogueCommandType = CatalogueCommand['type'];

/** One fiscal year's results as the published summary counts them: reposts excluded. */
export interface FiscalYearPreview {
  fiscalYear: number;
  projects: number;
  kpis: number;
  /** Projects per Nerima grade, e.g. { 'A+': 21, A: 284, B: 33, '*': 34, '-': 11 }. */
  ratings: Record<NerimaGrade, number>;
  /** B projects per reason code, e.g. { covid19: 4, town_development: 12, construction: 3, other: 14 }. */
  bReasons: Record<string, number>;
  /** Projects with an actual but no rating yet. */
  unrated: number;
}

export interface ImportPreview {
  /** What would be appended, per catalogue command type. */
  commands: Partial<Record<CatalogueCommandType, number>>;
  /** Repost placements, whether bundled into RegisterProject or as RepostProject. */
  repostPlacements: number;
  fiscalYears: FiscalYearPreview[];
  changes: ImportChange[];
  /** Entries (sections, pillars, plans, projects, reposts, annual plans, KPIs) already in the catalogue as imported. */
  unchanged: number;
  /** Accepted, but worth a look before confirming: a repost printed with another rating than its original's. */
  warnings: RowError[];
}

export function buildPreview(
  commands: CatalogueCommand[],
  records: ImportedRecord[],
  changes: ImportChange[],
  unchanged: number,
  bReasons: readonly ReasonCategory[],
  warnings: RowError[],
): ImportPreview {
  const counts: Partial<Record<CatalogueCommandType, number>> = {};
  let repostPlacements = 0;
  for (const command of commands) {
    counts[command.type] = (counts[command.type] ?? 0) + 1;
    if (command.type === 'RegisterProject') repostPlacements += command.data.reposts?.length ?? 0;
    if (command.type === 'RepostProject') repostPlacements++;
  }
  return {
    commands: counts,
    repostPlacements,
    fiscalYears: fiscalYears(records, bReasons),
    changes,
    unchanged,
    warnings,
  };
}

function fiscalYears(records: ImportedRecord[], bReasons: readonly ReasonCategory[]): FiscalYearPreview[] {
  const years = [...new Set(records.map((r) => r.item.fiscalYear))].sort((a, b) => a - b);
  return years.map((fiscalYear) => {
    const preview: FiscalYearPreview = {
      fiscalYear,
      projects: 0,
      kpis: 0,
      unrated: 0,
      ratings: Object.fromEntries(NERIMA_GRADES.map((g) => [g, 0])) as Record<NerimaGrade, number>,
      bReasons: Object.fromEntries(bReasons.map((r) => [r.code, 0])),
    };
    for (const { item, rating } of records.filter((r) => r.item.fiscalYear === fiscalYear)) {
      if (item.kind === 'kpi') preview.kpis++;
      if (item.kind !== 'project') continue;
      preview.projects++;
      if (rating?.scheme !== 'nerima') preview.unrated++;
      else {
        preview.ratings[rating.grade]++;
        if (rating.bReason) preview.bReasons[rating.bReason] = (preview.bReasons[rating.bReason] ?? 0) + 1;
      }
    }
    return preview;
  });
}
