import type { KpiEntry, PlanPlacement, ProjectEntry } from '@pdca/catalogue';
import { achievementPercent, fiscalYearLabel } from '@pdca/kernel';
import { effectiveRating, EvaluationState, PlanAssessment, Rating, Scheme } from '@pdca/review';
import { WardModel } from '../read-models';
import { cycleSummary } from './cycle-summary';
import type { Summary } from './summary';

export interface ProjectRow {
  projectId: string;
  name: string;
  sectionNo: string;
  sectionTitle: string;
  responsible: string;
  target: string;
  statusAtPreviousYearEnd: string;
  planned: string;
  actual: string;
  rating?: Rating;
  /** Printed with the row: the rating note (備考). */
  note: string;
  /** 再掲: listed again under another plan; not counted again. */
  repost: boolean;
  /** A repost printed under a label of its own (name is that label): the project's own name. */
  originalName?: string;
  /** A repost of only part of the project (一部再掲): which part. */
  repostPart?: string;
}

export interface KpiRow {
  kpiId: string;
  indicator: string;
  kind: string;
  target: string;
  targetAsOf: string;
  baseline: string;
  baselineAsOf: string;
  actual: string;
  actualAsOf: string;
  achievementPercent?: number;
  rating?: Rating;
}

export interface PlanSection {
  planId: string;
  code: string;
  title: string;
  kpis: KpiRow[];
  projects: ProjectRow[];
  assessment?: PlanAssessment;
}

export interface PillarSection {
  pillarId: string;
  code: string;
  title: string;
  plans: PlanSection[];
}

export interface ReportModel {
  wardId: string;
  fiscalYear: number;
  fiscalYearLabel: string;
  scheme: Scheme;
  summary: Summary;
  pillars: PillarSection[];
}

const natural = new Intl.Collator('ja', { numeric: true });

/** The fiscal year's report, laid out like the ward's own (seed 002): summary, then per pillar and plan. */
export function buildReportModel(ward: WardModel, wardId: string, fiscalYear: number): ReportModel | undefined {
  const cycleModel = ward.cycles.get(fiscalYear);
  if (!cycleModel || cycleModel.cycle.status === 'not_opened') return undefined;
  const { cycle } = cycleModel;
  const ratingOf = (kind: 'project' | 'kpi', id: string) => {
    const model = cycleModel.items[kind].get(id);
    return model ? effectiveRating(model.state) : undefined;
  };
  const projects = cycle.scope.projectIds.map((id) => ward.catalogue.projects[id]).filter(Boolean);
  const kpis = cycle.scope.kpiIds.map((id) => ward.catalogue.kpis[id]).filter(Boolean);
  const summary = cycleSummary(ward, fiscalYear)!;
  const pillars = Object.values(ward.catalogue.pillars).map((pillar) => ({
    pillarId: pillar.pillarId,
    code: pillar.code,
    title: pillar.title,
    plans: Object.values(ward.catalogue.plans)
      .filter((plan) => plan.pillarId === pillar.pillarId)
      .map((plan) => ({
        planId: plan.planId,
        code: plan.code,
        title: plan.title,
        kpis: kpis
          .filter((k) => k.planId === plan.planId)
          .map((k) => kpiRow(k, cycleModel.items['kpi'].get(k.kpiId)?.state, ratingOf('kpi', k.kpiId))),
        projects: projectRows(
          plan.planId,
          projects,
          fiscalYear,
          (id) => cycleModel.items['project'].get(id)?.state,
          ratingOf,
          ward,
        ),
        assessment: cycleModel.assessments.get(plan.planId),
      })),
  }));
  return { wardId, fiscalYear, fiscalYearLabel: fiscalYearLabel(fiscalYear), scheme: cycle.scheme, summary, pillars };
}

function projectRows(
  planId: string,
  projects: ProjectEntry[],
  fiscalYear: number,
  stateOf: (id: string) => EvaluationState | undefined,
  ratingOf: (kind: 'project', id: string) => Rating | undefined,
  ward: WardModel,
): ProjectRow[] {
  const rows: ProjectRow[] = [];
  for (const project of projects) {
    const placements = [
      ...(project.home.planId === planId ? [{ ...project.home, repost: false }] : []),
      ...project.reposts.filter((p) => p.planId === planId).map((p) => ({ ...p, repost: true })),
    ];
    for (const placement of placements) {
      const annual = project.annualPlans[fiscalYear];
      const state = stateOf(project.projectId);
      const rating = ratingOf('project', project.projectId);
      const section = ward.catalogue.sections[project.sectionId];
      rows.push({
        projectId: project.projectId,
        ...printedName(project, placement),
        sectionNo: placement.sectionNo,
        sectionTitle: placement.sectionTitle,
        responsible: section ? `${section.department} ${section.name}` : project.sectionId,
        target: annual?.target ?? '',
        statusAtPreviousYearEnd: annual?.statusAtPreviousYearEnd ?? '',
        planned: annual?.planned ?? '',
        actual: state && 'actual' in state && state.actual.kind === 'project' ? state.actual.text : '',
        rating,
        note: rating?.note ?? '',
        repost: placement.repost,
        ...(placement.repost && placement.part ? { repostPart: placement.part } : {}),
      });
    }
  }
  return rows.sort((a, b) => natural.compare(a.sectionNo, b.sectionNo));
}

/** A repost is printed under its own label where the ward gives one; the original's name stays beside it. */
function printedName(
  project: ProjectEntry,
  placement: PlanPlacement & { repost: boolean },
): Pick<ProjectRow, 'name' | 'originalName'> {
  const label = placement.repost ? placement.label : undefined;
  return label && label !== project.name ? { name: label, originalName: project.name } : { name: project.name };
}

function kpiRow(kpi: KpiEntry, state: EvaluationState | undefined, rating: Rating | undefined): KpiRow {
  const actual = state && 'actual' in state && state.actual.kind === 'kpi' ? state.actual : undefined;
  return {
    kpiId: kpi.kpiId,
    indicator: kpi.indicator,
    kind: kpi.kind,
    target: kpi.target.value.text,
    targetAsOf: kpi.target.asOf,
    baseline: kpi.baseline.value.text,
    baselineAsOf: kpi.baseline.asOf,
    actual: actual?.value.text ?? '',
    actualAsOf: actual?.asOf ?? '',
    achievementPercent: actual ? achievementPercent(kpi.baseline.value, kpi.target.value, actual.value) : undefined,
    rating,
  };
}
