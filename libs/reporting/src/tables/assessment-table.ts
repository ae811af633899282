import type { PlanSection } from '@pdca/projections';
import { assessmentEntries, LABELS } from '../labels';
import type { Table } from './table';

/** The Act step of a plan: 課題 / 改善策 / 次年度の方向性 (Taisho adds a/b and ア/イ), one row each. */
export function assessmentTable(plan: PlanSection): Table | undefined {
  if (!plan.assessment) return undefined;
  return {
    id: `assessment-${plan.planId}`,
    caption: `${LABELS.plan}${plan.code} ${LABELS.assessmentHeading}`,
    columns: [
      { header: '項目', width: 20 },
      { header: '内容', width: 100 },
    ],
    rows: assessmentEntries(plan.assessment).map(([label, text]) => ({ kind: 'body', cells: [label, text] })),
  };
}
