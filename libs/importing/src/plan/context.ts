import type {
  AnnualPlanData,
  CatalogueState,
  KpiData,
  PillarData,
  PlanData,
  PlanPlacement,
  ProjectData,
  SectionData,
} from '@pdca/catalogue';
import type { Actor } from '@pdca/kernel';
import type { Actual, ItemRef, Rating, ReasonCategory } from '@pdca/review';
import type { ImportTable, TableRow } from '../format/import-tables';
import type { ParsedImport } from '../read/parse-import';
import type { RowError } from '../row-error';
import { sectionIdFor } from './section-id';

/** The row (and the column, by its Japanese header) a command or record comes from. */
export interface Origin {
  table: ImportTable;
  row: TableRow;
  column: string;
}

/** One fiscal year's result of a project or KPI, ready to be submitted as that item's actual. */
export interface ImportedRecord {
  item: ItemRef;
  sectionId: string;
  actual: Actual;
  rating?: Rating;
  table: ImportTable;
  row: number;
}

export interface Draft<Data> {
  data: Data;
  origin: Origin;
}

export interface Drafts {
  sections: Map<string, Draft<SectionData>>;
  pillars: Draft<PillarData>[];
  plans: Draft<PlanData>[];
  projects: (Draft<ProjectData> & { annualPlan: AnnualPlanData })[];
  reposts: Draft<{ projectId: string; placement: PlanPlacement }>[];
  kpis: Draft<KpiData>[];
  records: ImportedRecord[];
}

export interface PlanContext {
  current: CatalogueState;
  wardId: string;
  actor: Actor;
  bReasons: readonly ReasonCategory[];
  columns: ParsedImport['columns'];
  errors: RowError[];
  /** What the import accepts but the office should look at (a repost printed with another rating than its original). */
  warnings: RowError[];
  /** Entities ('plan:1', 'project:P01-001') whose own row failed: references to them are not reported again. */
  failed: Set<string>;
  /** Plan and pillar numbers defined by the 構成 table, valid or not. */
  defined: Set<string>;
  drafts: Drafts;
}

export const emptyDrafts = (): Drafts => ({
  sections: new Map(),
  pillars: [],
  plans: [],
  projects: [],
  reposts: [],
  kpis: [],
  records: [],
});

/** Known when registered, or defined in this import; a failed definition makes the reference silently unusable. */
export type Reference = 'known' | 'failed' | 'unknown';

export function referenceTo(ctx: PlanContext, kind: 'pillar' | 'plan', id: string): Reference {
  if (ctx.failed.has(`${kind}:${id}`)) return 'failed';
  if (ctx.defined.has(`${kind}:${id}`)) return 'known';
  const registered = kind === 'pillar' ? ctx.current.pillars[id] : ctx.current.plans[id];
  return registered ? 'known' : 'unknown';
}

/** The section of a valid row, registered with the first row that names it. */
export function useSection(ctx: PlanContext, department: string, name: string, origin: Origin): string {
  const sectionId = sectionIdFor(ctx.current, department, name);
  if (!ctx.drafts.sections.has(sectionId)) {
    const registered = ctx.current.sections[sectionId];
    ctx.drafts.sections.set(sectionId, { data: registered ?? { sectionId, department, name }, origin });
  }
  return sectionId;
}
