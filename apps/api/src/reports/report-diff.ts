import type { Rating } from '@pdca/review';
import type { ReportModel } from '@pdca/projections';

export interface ReportDifference {
  summary: Array<{ key: string; then: number; now: number }>;
  projects: Array<{ projectId: string; name: string; field: 'rating' | 'actual'; then: string; now: string }>;
}

const ratingText = (rating?: Rating) => (!rating ? '' : rating.scheme === 'nerima' ? `${rating.grade}${rating.bReason ? `(${rating.bReason})` : ''}` : rating.achievement);

/** What changed between two reports of the same fiscal year: summary counts and per-project rating or actual. */
export function diffReports(then: ReportModel, now: ReportModel): ReportDifference {
  const counts = (model: ReportModel) => {
    const s = model.summary;
    const rows = s.scheme === 'nerima' ? [...s.rows, ...s.bReasons.map((r) => ({ ...r, key: `B:${r.key}` }))] : [...s.projects.map((r) => ({ ...r, key: `project:${r.key}` })), ...s.kpis.map((r) => ({ ...r, key: `kpi:${r.key}` }))];
    return new Map([...rows.map((r) => [r.key, r.count] as const), ['total', s.total], ['unrated', s.unrated]]);
  };
  const before = counts(then);
  const after = counts(now);
  const summary = [...after.keys()].filter((key) => before.get(key) !== after.get(key)).map((key) => ({ key, then: before.get(key) ?? 0, now: after.get(key) ?? 0 }));
  const rows = (model: ReportModel) => new Map(model.pillars.flatMap((p) => p.plans.flatMap((plan) => plan.projects.filter((r) => !r.repost))).map((r) => [r.projectId, r]));
  const oldRows = rows(then);
  const projects: ReportDifference['projects'] = [];
  for (const [projectId, row] of rows(now)) {
    const old = oldRows.get(projectId);
    if (ratingText(old?.rating) !== ratingText(row.rating)) projects.push({ projectId, name: row.name, field: 'rating', then: ratingText(old?.rating), now: ratingText(row.rating) });
    if ((old?.actual ?? '') !== row.actual) projects.push({ projectId, name: row.name, field: 'actual', then: old?.actual ?? '', now: row.actual });
  }
  return { summary, projects };
}
