import { conflict } from '@pdca/kernel';
import type { Actor } from '@pdca/kernel';
import type { CatalogueCommand } from './catalogue.commands';
import type { CatalogueEvent } from './catalogue.events';
import type { CatalogueState } from './catalogue.state';

/**
 * The commands that undo a batch of catalogue events (an import), newest first: registered projects
 * and KPIs are retired, reposts withdrawn, changes and annual plans restored to what they were
 * before. History is never deleted. Sections, pillars and plans stay: they hold no results.
 */
export function compensationsFor(
  batch: CatalogueEvent[],
  before: CatalogueState,
  actor: Actor,
  reason: string,
): CatalogueCommand[] {
  return [...batch].reverse().flatMap((event): CatalogueCommand[] => {
    switch (event.type) {
      case 'ProjectRegistered':
        return [{ type: 'RetireProject', actor, data: { projectId: event.data.projectId, reason } }];
      case 'ProjectReposted': {
        // A relabelled repost goes back to its old label; a new one is withdrawn.
        const { planId, sectionNo } = event.data.placement;
        const previous = before.projects[event.data.projectId]?.reposts.find(
          (p) => p.planId === planId && p.sectionNo === sectionNo,
        );
        if (previous)
          return [{ type: 'RepostProject', actor, data: { projectId: event.data.projectId, placement: previous } }];
        return [{ type: 'WithdrawRepost', actor, data: event.data }];
      }
      case 'ProjectChanged': {
        const { reposts: _r, retired: _x, annualPlans: _a, ...previous } = before.projects[event.data.projectId];
        return [{ type: 'ChangeProject', actor, data: previous }];
      }
      case 'KpiRegistered':
        return [{ type: 'RetireKpi', actor, data: { kpiId: event.data.kpiId, reason } }];
      case 'KpiChanged': {
        const { retired: _x, ...previous } = before.kpis[event.data.kpiId];
        return [{ type: 'ChangeKpi', actor, data: previous }];
      }
      case 'AnnualPlanSet': {
        const previous = before.projects[event.data.projectId]?.annualPlans[event.data.fiscalYear];
        const { projectId, fiscalYear } = event.data;
        return [
          previous
            ? { type: 'SetAnnualPlan', actor, data: previous }
            : { type: 'WithdrawAnnualPlan', actor, data: { projectId, fiscalYear } },
        ];
      }
      default:
        return [];
    }
  });
}

/** Entries an import touched must not have been changed since, or undoing it would undo others' work. */
export function assertUntouchedSince(batch: CatalogueEvent[], later: CatalogueEvent[]): void {
  const keyOf = (event: CatalogueEvent) => {
    const data = event.data as { projectId?: string; kpiId?: string };
    return data.projectId ? `project:${data.projectId}` : data.kpiId ? `kpi:${data.kpiId}` : undefined;
  };
  const touched = new Set(batch.map(keyOf).filter(Boolean));
  const changed = later.map(keyOf).filter((key) => key && touched.has(key));
  if (changed.length > 0) {
    throw conflict(
      'IMPORT_CHANGED_SINCE',
      '取込み後に変更された取組・指標があるため、取込みを取り消せません。',
      'Entries of this import were changed afterwards; it cannot be reverted.',
      { changed: [...new Set(changed)] },
    );
  }
}
