import type { KpiRow, ReportModel } from '@pdca/projections';
import { comparableAchievementPercent } from '@pdca/kernel';
import { usesComparableFigures } from '../template-version';

const recounted = new WeakMap<ReportModel, ReportModel>();

function withComparableAchievement(kpi: KpiRow): KpiRow {
  const { achievementPercent: _leading, ...rest } = kpi;
  const percent = comparableAchievementPercent(kpi.baseline, kpi.target, kpi.actual);
  return percent === undefined ? rest : { ...rest, achievementPercent: percent };
}

/**
 * The model as the publication's template prints it. From report-template/5 each KPI's 達成度 is taken on
 * the figures written like its target's (kernel comparableAchievementPercent); the stored model keeps
 * the leading-figure value that versions pinned to /1–/4 were published with. Every renderer starts here,
 * so HTML, PDF, Excel, CSV, JSON and open data print the same 達成度.
 */
export function modelForTemplate(model: ReportModel, templateVersion: string): ReportModel {
  if (!usesComparableFigures(templateVersion)) return model;
  let printed = recounted.get(model);
  if (!printed) {
    printed = {
      ...model,
      pillars: model.pillars.map((pillar) => ({
        ...pillar,
        plans: pillar.plans.map((plan) => ({ ...plan, kpis: plan.kpis.map(withComparableAchievement) })),
      })),
    };
    recounted.set(model, printed);
  }
  return printed;
}
