import type { PillarSection, PlanSection, ReportModel } from '@pdca/projections';
import { kpiProgressChart } from '../charts/kpi-progress.chart';
import { pillarDistribution } from '../charts/rating-counts';
import { ratingDistributionChart } from '../charts/rating-distribution.chart';
import { kpiTrendChart } from '../charts/trend-charts';
import { LABELS } from '../labels';
import type { ReportOptions } from '../publication-info';
import { assessmentTable } from '../tables/assessment-table';
import { kpiTable } from '../tables/kpi-table';
import { projectTable } from '../tables/project-table';
import type { RepostOrigin } from '../tables/repost-origin';
import { escapeHtml } from './escape';
import { figureHtml } from './figure.html';
import { tableHtml } from './html-table';

export const pillarAnchor = (pillar: PillarSection) => `pillar-${pillar.pillarId}`;
export const planAnchor = (plan: PlanSection) => `plan-${plan.planId}`;
export const pillarHeading = (pillar: PillarSection) => `${LABELS.pillar}${pillar.code}：${pillar.title}`;
export const planHeading = (plan: PlanSection) => `${LABELS.plan}${plan.code}：${plan.title}`;

/** h2 per pillar with its rating distribution, then an h3 section per plan. */
export function pillarSectionHtml(
  model: ReportModel,
  pillar: PillarSection,
  options: ReportOptions,
  origins: Map<string, RepostOrigin>,
): string {
  const headingId = `${pillarAnchor(pillar)}-heading`;
  const chart = ratingDistributionChart(
    pillarDistribution(model, pillar),
    `chart-${pillarAnchor(pillar)}`,
    `${pillarHeading(pillar)} の進捗状況の内訳（再掲を除く）`,
  );
  return [
    `<section class="pillar" id="${escapeHtml(pillarAnchor(pillar))}" aria-labelledby="${escapeHtml(headingId)}">`,
    `<h2 id="${escapeHtml(headingId)}">${escapeHtml(pillarHeading(pillar))}</h2>`,
    figureHtml(chart),
    ...pillar.plans.map((plan) => planSectionHtml(model, plan, options, origins)),
    '</section>',
  ].join('');
}

function planSectionHtml(
  model: ReportModel,
  plan: PlanSection,
  options: ReportOptions,
  origins: Map<string, RepostOrigin>,
): string {
  const headingId = `${planAnchor(plan)}-heading`;
  const assessment = assessmentTable(plan);
  return [
    `<section class="plan" id="${escapeHtml(planAnchor(plan))}" aria-labelledby="${escapeHtml(headingId)}">`,
    `<h3 id="${escapeHtml(headingId)}">${escapeHtml(planHeading(plan))}</h3>`,
    plan.kpis.length ? tableHtml(kpiTable(model, plan)) : '',
    figureHtml(
      kpiProgressChart(plan, `chart-kpi-${plan.planId}`, `${LABELS.plan}${plan.code} 指標の現状値・実績・目標値`),
    ),
    ...plan.kpis.map((kpi) =>
      figureHtml(kpiTrendChart(model, kpi, options.kpiHistory?.[kpi.kpiId], `chart-trend-${kpi.kpiId}`)),
    ),
    plan.projects.length ? tableHtml(projectTable(model, plan, origins)) : '',
    assessment ? tableHtml(assessment, 'report-table assessment-table') : '',
    '</section>',
  ].join('');
}
