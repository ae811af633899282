import type { MeasuredValue } from '@pdca/kernel';

export type ItemKind = 'project' | 'kpi';

/** One thing evaluated in one fiscal year: a project or a KPI of a ward. One stream each. */
export interface ItemRef {
  wardId: string;
  fiscalYear: number;
  kind: ItemKind;
  itemId: string;
}

export const evaluationStream = (item: ItemRef): string =>
  `evaluation-${item.wardId}-${item.fiscalYear}-${item.kind}-${item.itemId}`;

/** What a section reports: the project's actual as text, or the KPI's value with its as-of. */
export type Actual = { kind: 'project'; text: string } | { kind: 'kpi'; value: MeasuredValue; asOf: string };
