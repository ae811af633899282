import { nerimaSummary, NerimaSummary, ReportModel } from '@pdca/projections';
import type { Rating } from '@pdca/review';
import type { RuleRevision } from './rule-revision';

/** A project counted under another B reason by the revised rules. */
export interface ReasonMove {
  projectId: string;
  name: string;
  from: string;
  to: string;
}

export interface SideBySide {
  fiscalYear: number;
  revision: string;
  /** The year's summary under the rules it was rated by (as published, when published). */
  original: NerimaSummary;
  /** The same ratings counted under the revised rules. */
  revised: NerimaSummary;
  moves: ReasonMove[];
}

/**
 * Recounts a past year under revised rules, from the report model (the stored ratings as they
 * are): each B rating's reason is mapped to its new category, grade labels reworded. Pure: nothing
 * is stored, so the events and the published versions stay exactly as they were.
 */
export function reprojectSummary(
  model: ReportModel,
  revision: RuleRevision,
  yearLabel: string,
): SideBySide | undefined {
  if (model.summary.scheme !== 'nerima') return undefined;
  const original = model.summary;
  const counted = model.pillars.flatMap((p) => p.plans.flatMap((plan) => plan.projects.filter((row) => !row.repost)));
  const moves: ReasonMove[] = [];
  const ratings = counted.map((row): Rating | undefined => {
    const rating = row.rating;
    if (rating?.scheme !== 'nerima' || rating.grade !== 'B' || !rating.bReason) return rating;
    const to = revision.assign?.[row.projectId] ?? revision.bReasonMap[rating.bReason] ?? rating.bReason;
    if (to !== rating.bReason) moves.push({ projectId: row.projectId, name: row.name, from: rating.bReason, to });
    return { ...rating, bReason: to };
  });
  // Unrated projects that are not in the report's rows (none when published) keep the original count.
  const revised = nerimaSummary(ratings, revision.bReasons, yearLabel);
  const relabelled = {
    ...revised,
    rows: revised.rows.map((row) => ({ ...row, label: revision.gradeLabels?.[row.key] ?? row.label })),
  };
  return { fiscalYear: model.fiscalYear, revision: revision.name, original, revised: relabelled, moves };
}
