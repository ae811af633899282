import type {
  AnnualPlanData,
  KpiData,
  PillarData,
  PlanData,
  PlanPlacement,
  ProjectData,
  SectionData,
} from './catalogue.events';

export interface ProjectEntry extends ProjectData {
  reposts: PlanPlacement[];
  retired: boolean;
  /** Annual plans by fiscal year. */
  annualPlans: Record<number, AnnualPlanData>;
}

export interface KpiEntry extends KpiData {
  retired: boolean;
}

/** A ward's whole catalogue: small (hundreds of entries), folded from one stream. */
export interface CatalogueState {
  sections: Record<string, SectionData>;
  pillars: Record<string, PillarData>;
  plans: Record<string, PlanData>;
  projects: Record<string, ProjectEntry>;
  kpis: Record<string, KpiEntry>;
}

export const emptyCatalogue = (): CatalogueState => ({ sections: {}, pillars: {}, plans: {}, projects: {}, kpis: {} });

const NOTHING_PLANNED = /^(?:[—－―\-ー]|なし)?$/;

/** '-' is only for a year with nothing planned: 当初計画 empty or a dash. */
export function nothingPlanned(project: ProjectEntry, fiscalYear: number): boolean {
  const plan = project.annualPlans[fiscalYear];
  return plan !== undefined && NOTHING_PLANNED.test(plan.planned.trim());
}
