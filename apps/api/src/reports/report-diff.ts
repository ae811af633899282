import { gradeSymbol } from '@pdca/review';
import type { Rating } from '@pdca/review';
import { summaryCounts } from '@pdca/projections';
import type { ReportModel } from '@pdca/projections';

export interface ReportDifference {
  summary: Array<{ key: string; then: number; now: number }>;
  projects: Array<{ projectId: string; name: string; field: 'rating' | 'actual'; then: string; now: string }>;
}

/** The grade as printed, with Nerima's B category: a changed category is a changed rating. */
const ratingText = (rating?: Rating) =>
  !rating ? '' : `${gradeSymbol(rating)}${rating.scheme === 'nerima' && rating.bReason ? `(${rating.bReason})` : ''}`;

/** What changed between two reports of the same fiscal year: summary counts and per-project rating or actual. */
export function diffReports(then: ReportModel, now: ReportModel): ReportDifference {
  const counts = (model: ReportModel) => {
    // The publication event's counts, categories first as before, then total and unrated.
    const { total, unrated, ...categories } = summaryCounts(model.summary);
    return new Map([...Object.entries(categories), ['total', total], ['unrated', unrated]]);
  };
  const before = counts(then);
  const after = counts(now);
  const summary = [...after.keys()]
    .filter((key) => before.get(key) !== after.get(key))
    .map((key) => ({ key, then: before.get(key) ?? 0, now: after.get(key) ?? 0 }));
  const rows = (model: ReportModel) =>
    new Map(
      model.pillars
        .flatMap((p) => p.plans.flatMap((plan) => plan.projects.filter((r) => !r.repost)))
        .map((r) => [r.projectId, r]),
    );
  const oldRows = rows(then);
  const projects: ReportDifference['projects'] = [];
  for (const [projectId, row] of rows(now)) {
    const old = oldRows.get(projectId);
    if (ratingText(old?.rating) !== ratingText(row.rating))
      projects.push({
        projectId,
        name: row.name,
        field: 'rating',
        then: ratingText(old?.rating),
        now: ratingText(row.rating),
      });
    if ((old?.actual ?? '') !== row.actual)
      projects.push({ projectId, name: row.name, field: 'actual', then: old?.actual ?? '', now: row.actual });
  }
  return { summary, projects };
}
