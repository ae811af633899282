import type { KpiEntry, ProjectEntry } from '@pdca/catalogue';
import { actualText, editableCells, statusCells } from '@pdca/importing';
import type { Cells, SectionWorkbookData } from '@pdca/importing';
import { cycleItems } from '@pdca/projections';
import type { WardModel } from '@pdca/projections';
import { initialEvaluation } from '@pdca/review';
import type { CycleState, EvaluationState, ItemKind } from '@pdca/review';

type OpenedCycle = Exclude<CycleState, { status: 'not_opened' }>;

const KPI_KIND_LABELS = { output: 'アウトプット', outcome: 'アウトカム' } as const;

/**
 * The section's in-scope items with their context and current values, in catalogue order. The
 * download is a document to read and fill in, so it comes from the read model (the same list as
 * the inbox); every upload is decided on the items' own streams.
 */
export function workbookData(ward: WardModel, cycle: OpenedCycle, sectionId: string, now: Date): SectionWorkbookData {
  const mine = cycleItems(ward, cycle.fiscalYear, now).filter((item) => item.sectionId === sectionId);
  const rowsOf = (kind: ItemKind) =>
    mine.filter((item) => item.kind === kind).map((item) => rowCells(ward, cycle, kind, item.itemId));
  return {
    wardId: cycle.wardId,
    fiscalYear: cycle.fiscalYear,
    scheme: cycle.scheme,
    sectionId,
    sectionName: ward.catalogue.sections[sectionId]?.name ?? sectionId,
    bReasons: cycle.bReasons,
    rows: { 取組: rowsOf('project'), 指標: rowsOf('kpi') },
  };
}

function rowCells(ward: WardModel, cycle: OpenedCycle, kind: ItemKind, itemId: string): Cells {
  const state = stateOf(ward, cycle.fiscalYear, kind, itemId);
  const previous = stateOf(ward, cycle.fiscalYear - 1, kind, itemId);
  const context =
    kind === 'project'
      ? projectCells(ward.catalogue.projects[itemId], cycle.fiscalYear)
      : kpiCells(ward.catalogue.kpis[itemId]);
  return {
    ...context,
    // Last year's actual only once the council approved it: a draft or an unreviewed figure is no reference.
    previousActual: previous.status === 'approved' ? actualText(previous.actual) : '',
    ...statusCells(state),
    ...editableCells(state, cycle.bReasons),
  };
}

function stateOf(ward: WardModel, fiscalYear: number, kind: ItemKind, itemId: string): EvaluationState {
  return ward.cycles.get(fiscalYear)?.items[kind].get(itemId)?.state ?? initialEvaluation();
}

function projectCells(project: ProjectEntry, fiscalYear: number): Cells {
  const plan = project.annualPlans[fiscalYear];
  return {
    itemId: project.projectId,
    plan: project.home.planId,
    sectionNo: project.home.sectionNo,
    name: project.name,
    target: plan?.target ?? '',
    statusAtPreviousYearEnd: plan?.statusAtPreviousYearEnd ?? '',
    planned: plan?.planned ?? '',
  };
}

function kpiCells(kpi: KpiEntry): Cells {
  return {
    itemId: kpi.kpiId,
    plan: kpi.planId,
    name: kpi.indicator,
    kpiKind: KPI_KIND_LABELS[kpi.kind],
    baseline: kpi.baseline.value.text,
    baselineAsOf: kpi.baseline.asOf,
    target: kpi.target.value.text,
    targetAsOf: kpi.target.asOf,
  };
}
