import type { KpiRow, ProjectRow, ReportModel } from '@pdca/projections';
import type { Rating } from '@pdca/review';
import { ratingMeaning, ratingSymbol } from '../labels';

export type ChangedField = 'actual' | 'rating' | 'note';

/** One value a correction changed, as the two published versions print it. */
export interface CorrectedValue {
  kind: 'project' | 'kpi';
  itemId: string;
  name: string;
  field: ChangedField;
  before: string;
  after: string;
  /** Why this item was corrected, as the planning office recorded it on the item (the version's reason says why the version was published). */
  reason?: string;
}

export const FIELD_LABELS: Record<ChangedField, { ja: string; en: string }> = {
  actual: { ja: '実績', en: 'actual' },
  rating: { ja: '評価', en: 'rating' },
  note: { ja: '備考', en: 'note' },
};

/**
 * What changed between two published versions of one year, item by item (再掲 rows are the same
 * item and are not listed twice). Compared on the published models, not on the correction events,
 * so "before" is what the public read in the earlier version.
 */
export function correctedValues(before: ReportModel, after: ReportModel): CorrectedValue[] {
  const old = itemsOf(before);
  const changes: CorrectedValue[] = [];
  for (const [key, now] of itemsOf(after)) {
    const then = old.get(key);
    for (const field of ['actual', 'rating', 'note'] as const) {
      const [a, b] = [valueOf(then, field, before), valueOf(now, field, after)];
      if (a !== b)
        changes.push({
          kind: now.kind,
          itemId: now.row.kind === 'project' ? now.row.projectId : now.row.kpiId,
          name: now.name,
          field,
          before: a,
          after: b,
        });
    }
  }
  return changes;
}

type Item = {
  kind: 'project' | 'kpi';
  name: string;
  row: ({ kind: 'project' } & ProjectRow) | ({ kind: 'kpi' } & KpiRow);
};

function itemsOf(model: ReportModel): Map<string, Item> {
  const items = new Map<string, Item>();
  for (const plan of model.pillars.flatMap((p) => p.plans)) {
    for (const row of plan.projects.filter((r) => !r.repost))
      items.set(`project:${row.projectId}`, { kind: 'project', name: row.name, row: { ...row, kind: 'project' } });
    for (const row of plan.kpis)
      items.set(`kpi:${row.kpiId}`, { kind: 'kpi', name: row.indicator, row: { ...row, kind: 'kpi' } });
  }
  return items;
}

function valueOf(item: Item | undefined, field: ChangedField, model: ReportModel): string {
  if (!item) return '';
  if (field === 'actual') return item.row.actual;
  if (field === 'note') return item.row.rating?.note ?? '';
  return ratingText(item.row.rating, model);
}

/** "B（新型コロナウイルス感染症の影響）", "A（計画どおり進んだもの）": the symbol and its meaning as printed. */
function ratingText(rating: Rating | undefined, model: ReportModel): string {
  if (!rating) return '';
  const reason = 'bReason' in rating && rating.bReason ? reasonLabel(model, rating.bReason) : undefined;
  return `${ratingSymbol(rating)}（${reason ?? ratingMeaning(rating, model.summary)}）`;
}

const reasonLabel = (model: ReportModel, code: string) =>
  model.summary.scheme === 'nerima' ? (model.summary.bReasons.find((r) => r.key === code)?.label ?? code) : code;
