import type { ReportModel } from '@pdca/projections';

export interface RepostOrigin {
  planCode: string;
  sectionNo: string;
}

/** Where each project is listed first, so a 再掲 row can say where from (【戦略計画4-1の再掲】). */
export function repostOrigins(model: ReportModel): Map<string, RepostOrigin> {
  const origins = new Map<string, RepostOrigin>();
  for (const plan of model.pillars.flatMap((pillar) => pillar.plans)) {
    for (const row of plan.projects) {
      if (!row.repost) origins.set(row.projectId, { planCode: plan.code, sectionNo: row.sectionNo });
    }
  }
  return origins;
}

export function repostMark(origin: RepostOrigin | undefined): string {
  return origin ? `【戦略計画${origin.planCode}-${origin.sectionNo}の再掲】` : '【再掲】';
}
