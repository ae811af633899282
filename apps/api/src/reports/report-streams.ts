import { assessmentStream, cycleStream, CycleState, evaluationStream } from '@pdca/review';
import type { CatalogueState } from '@pdca/catalogue';

/** Every stream a fiscal year's report is computed from: what a publication pins and replays. */
export function reportStreams(
  wardId: string,
  fiscalYear: number,
  cycle: Exclude<CycleState, { status: 'not_opened' }>,
  catalogue: CatalogueState,
): string[] {
  const plans = Object.keys(catalogue.plans);
  return [
    `catalogue-${wardId}`,
    cycleStream(wardId, fiscalYear),
    ...cycle.scope.projectIds.map((itemId) => evaluationStream({ wardId, fiscalYear, kind: 'project', itemId })),
    ...cycle.scope.kpiIds.map((itemId) => evaluationStream({ wardId, fiscalYear, kind: 'kpi', itemId })),
    // Excluded items left the scope but their history stays part of the year's audit export.
    ...(cycle.excluded ?? []).map(({ kind, itemId }) => evaluationStream({ wardId, fiscalYear, kind, itemId })),
    ...plans.map((planId) => assessmentStream({ wardId, fiscalYear, planId })),
  ];
}
