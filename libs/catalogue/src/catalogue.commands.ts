import type { Actor } from '@pdca/kernel';
import type {
  AnnualPlanData,
  KpiData,
  PillarData,
  PlanData,
  PlanPlacement,
  ProjectData,
  SectionData,
} from './catalogue.events';

type Command<Type extends string, Data> = { type: Type; data: Data; actor: Actor };

export type CatalogueCommand =
  | Command<'RegisterSection', SectionData>
  | Command<'ChangeSection', SectionData>
  | Command<'RegisterPillar', PillarData>
  | Command<'ChangePillar', PillarData>
  | Command<'RegisterPlan', PlanData>
  | Command<'ChangePlan', PlanData>
  | Command<'RegisterProject', ProjectData & { reposts?: PlanPlacement[] }>
  | Command<'ChangeProject', ProjectData>
  | Command<'RepostProject', { projectId: string; placement: PlanPlacement }>
  | Command<'RetireProject', { projectId: string; reason: string }>
  | Command<'RegisterKpi', KpiData>
  | Command<'ChangeKpi', KpiData>
  | Command<'RetireKpi', { kpiId: string; reason: string }>
  | Command<'SetAnnualPlan', AnnualPlanData>
  | Command<'WithdrawRepost', { projectId: string; placement: PlanPlacement }>
  | Command<'WithdrawAnnualPlan', { projectId: string; fiscalYear: number }>;
