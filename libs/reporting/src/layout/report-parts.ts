import type { PillarSection, PlanSection, ReportModel } from '@pdca/projections';
import { LABELS } from '../labels';

/**
 * The order of the ward's own report (seed 002): Part 1 lists the KPIs by pillar and plan, Part 2
 * the action plan by pillar, plan and numbered section. A pillar or plan with nothing in a part is
 * left out of that part, rather than printed as a page of 対象なし.
 */
export interface ReportPart {
  key: 'kpis' | 'projects';
  heading: string;
  pillars: Array<{ pillar: PillarSection; plans: PlanSection[] }>;
}

export function reportParts(model: ReportModel): ReportPart[] {
  const part = (key: ReportPart['key'], heading: string, has: (plan: PlanSection) => boolean): ReportPart => ({
    key,
    heading,
    pillars: model.pillars
      .map((pillar) => ({ pillar, plans: pillar.plans.filter(has) }))
      .filter((entry) => entry.plans.length > 0),
  });
  return [
    part('kpis', `第1部　${LABELS.kpiHeading}の${model.fiscalYearLabel}末実績`, (plan) => plan.kpis.length > 0),
    part(
      'projects',
      `第2部　${LABELS.actionPlanHeading}の${model.fiscalYearLabel}末の進捗状況`,
      (plan) => plan.projects.length > 0 || plan.assessment !== undefined,
    ),
  ];
}

export const APPENDIX_HEADING = '付録　改ざん検知のための記録';

/** One sentence: what the appendix is for, in words a resident understands. */
export const APPENDIX_EXPLANATION =
  'この報告書の数値は、改ざんを検知できるようハッシュ値で連結した区の評価記録から作成しており、下の値を公開の検証用ページの値と照らし合わせると、公表後に記録が書き換えられていないことを確かめられます。';
