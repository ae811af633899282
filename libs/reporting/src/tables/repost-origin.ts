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

/** 【戦略計画4-1の再掲】; a repost of part of the original says which: 【戦略計画9-3の一部再掲：工事(一部)】. */
export function repostMark(origin: RepostOrigin | undefined, part?: string): string {
  const from = origin ? `戦略計画${origin.planCode}-${origin.sectionNo}の` : '';
  return part ? `【${from}一部再掲：${part}】` : `【${from}再掲】`;
}
