import type { DomainEvent, MeasuredValue } from '@pdca/kernel';

export interface SectionData {
  sectionId: string;
  /** 部 */
  department: string;
  /** 課 */
  name: string;
  /** Where reminders go; escalation goes to the head's address. */
  email?: string;
  headEmail?: string;
}

export interface PillarData {
  pillarId: string;
  code: string;
  title: string;
}

export interface PlanData {
  planId: string;
  code: string;
  title: string;
  pillarId: string;
}

export interface PlanPlacement {
  planId: string;
  /** The numbered heading inside the plan, e.g. "3(1)". */
  sectionNo: string;
  sectionTitle: string;
  /**
   * A repost's (再掲) own printed name in the other plan, when the ward prints one (22 of FY R4's 36
   * reposts); absent, the project's name. Ignored on a project's home placement.
   */
  label?: string;
  /** A repost that covers only part of the original (一部再掲, one line of a merged group): which part, as printed. */
  part?: string;
}

export interface ProjectData {
  projectId: string;
  name: string;
  /** The plan and heading the project belongs to; reposts (再掲) are listed separately. */
  home: PlanPlacement;
  sectionId: string;
  /** Roads, town development…: rated '*' rather than A+/A/B. */
  notSuitedForShortTermEvaluation: boolean;
}

export type KpiKind = 'output' | 'outcome';

export interface KpiData {
  kpiId: string;
  planId: string;
  indicator: string;
  kind: KpiKind;
  sectionId: string;
  baseline: { value: MeasuredValue; asOf: string };
  target: { value: MeasuredValue; asOf: string };
}

export interface AnnualPlanData {
  projectId: string;
  fiscalYear: number;
  /** The plan period's target (e.g. 令和5年度目標). */
  target: string;
  /** Status at the end of the previous fiscal year (前年度末の現況). */
  statusAtPreviousYearEnd: string;
  /** 当初計画; "—" means nothing was planned this year. */
  planned: string;
}

export type CatalogueEvent =
  | DomainEvent<'SectionRegistered', SectionData>
  | DomainEvent<'SectionChanged', SectionData>
  | DomainEvent<'PillarRegistered', PillarData>
  | DomainEvent<'PillarChanged', PillarData>
  | DomainEvent<'PlanRegistered', PlanData>
  | DomainEvent<'PlanChanged', PlanData>
  | DomainEvent<'ProjectRegistered', ProjectData>
  | DomainEvent<'ProjectChanged', ProjectData>
  | DomainEvent<'ProjectReposted', { projectId: string; placement: PlanPlacement }>
  | DomainEvent<'ProjectRetired', { projectId: string; reason: string }>
  | DomainEvent<'KpiRegistered', KpiData>
  | DomainEvent<'KpiChanged', KpiData>
  | DomainEvent<'KpiRetired', { kpiId: string; reason: string }>
  | DomainEvent<'AnnualPlanSet', AnnualPlanData>
  | DomainEvent<'RepostWithdrawn', { projectId: string; placement: PlanPlacement }>
  | DomainEvent<'AnnualPlanWithdrawn', { projectId: string; fiscalYear: number }>;

export type CatalogueEventType = CatalogueEvent['type'];

export const CATALOGUE_EVENT_TYPES: readonly CatalogueEventType[] = [
  'SectionRegistered',
  'SectionChanged',
  'PillarRegistered',
  'PillarChanged',
  'PlanRegistered',
  'PlanChanged',
  'ProjectRegistered',
  'ProjectChanged',
  'ProjectReposted',
  'ProjectRetired',
  'KpiRegistered',
  'KpiChanged',
  'KpiRetired',
  'AnnualPlanSet',
  'RepostWithdrawn',
  'AnnualPlanWithdrawn',
];
