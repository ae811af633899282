import { createHash } from 'node:crypto';
import type { CatalogueEvent, KpiData, PlanPlacement, ProjectData } from '@pdca/catalogue';
import { parseMeasuredValue } from '@pdca/kernel';
import { buildReportModel, emptyReadModels, projectEvent, ReportModel } from '@pdca/projections';
import {
  assessmentStream,
  CycleEvent,
  evaluationStream,
  EvaluationEvent,
  ItemRef,
  PlanAssessment,
  Rating,
  Scheme,
} from '@pdca/review';
import { PublicationInfo, TEMPLATE_VERSION } from '@pdca/reporting';
import { eventLog } from './event-log';

const RECORDED_AT = '2023-06-30T03:00:00.000Z';

type CatalogueData<T extends CatalogueEvent['type']> = Extract<CatalogueEvent, { type: T }>['data'];
/** Only the facts the report reads; other cycle settings (reminders) do not reach it. */
type CycleOpenedData = Omit<Extract<CycleEvent, { type: 'CycleOpened' }>['data'], 'reminderPolicy'>;
type EvaluationData<T extends EvaluationEvent['type']> = Extract<EvaluationEvent, { type: T }>['data'];

export interface ProjectSpec {
  project: Omit<ProjectData, 'notSuitedForShortTermEvaluation'> & { notSuitedForShortTermEvaluation?: boolean };
  target: string;
  previous: string;
  planned: string;
  actual: string;
  rating?: Rating;
  reposts?: PlanPlacement[];
}

export interface KpiSpec {
  kpi: Omit<KpiData, 'baseline' | 'target'> & {
    baseline: string;
    baselineAsOf: string;
    target: string;
    targetAsOf: string;
  };
  actual: string;
  actualAsOf: string;
  rating?: Rating;
}

export interface WardSpec {
  wardId: string;
  fiscalYear: number;
  scheme: Scheme;
  sections: Array<CatalogueData<'SectionRegistered'>>;
  pillars: Array<CatalogueData<'PillarRegistered'>>;
  plans: Array<CatalogueData<'PlanRegistered'>>;
  projects: ProjectSpec[];
  kpis: KpiSpec[];
  assessments?: Array<{ planId: string; assessment: PlanAssessment }>;
}

/** Given the ward's events, the report model exactly as the API would build it (through the real projection). */
export function reportModelFrom(spec: WardSpec): { model: ReportModel; position: number; streams: string[] } {
  const log = eventLog(RECORDED_AT);
  const catalogue = `catalogue-${spec.wardId}`;
  const cat = <T extends CatalogueEvent['type']>(type: T, data: CatalogueData<T>) => log.append(catalogue, type, data);
  spec.sections.forEach((section) => cat('SectionRegistered', section));
  spec.pillars.forEach((pillar) => cat('PillarRegistered', pillar));
  spec.plans.forEach((plan) => cat('PlanRegistered', plan));
  for (const { project, target, previous, planned, reposts } of spec.projects) {
    cat('ProjectRegistered', { notSuitedForShortTermEvaluation: false, ...project });
    (reposts ?? []).forEach((placement) => cat('ProjectReposted', { projectId: project.projectId, placement }));
    cat('AnnualPlanSet', {
      projectId: project.projectId,
      fiscalYear: spec.fiscalYear,
      target,
      statusAtPreviousYearEnd: previous,
      planned,
    });
  }
  for (const { kpi } of spec.kpis) {
    const { baseline, baselineAsOf, target, targetAsOf, ...rest } = kpi;
    cat('KpiRegistered', {
      ...rest,
      baseline: { value: parseMeasuredValue(baseline), asOf: baselineAsOf },
      target: { value: parseMeasuredValue(target), asOf: targetAsOf },
    });
  }
  const opened: CycleOpenedData = {
    wardId: spec.wardId,
    fiscalYear: spec.fiscalYear,
    scheme: spec.scheme,
    deadline: '2023-05-31T08:30:00.000Z',
    bReasons: [
      { code: 'covid19', label: '新型コロナウイルス感染症の感染拡大による影響を受けたもの' },
      { code: 'town_development', label: 'まちづくり事業等の進捗状況により予定変更が生じたもの' },
      { code: 'construction', label: '工事等の進捗状況により予定変更が生じたもの' },
      { code: 'other', label: 'その他' },
    ],
    scope: { projectIds: spec.projects.map((p) => p.project.projectId), kpiIds: spec.kpis.map((k) => k.kpi.kpiId) },
    openedAt: '2023-04-01T00:00:00.000Z',
  };
  log.append(`cycle-${spec.wardId}-${spec.fiscalYear}`, 'CycleOpened', opened);
  const item = (kind: ItemRef['kind'], itemId: string): ItemRef => ({
    wardId: spec.wardId,
    fiscalYear: spec.fiscalYear,
    kind,
    itemId,
  });
  const evaluate = (
    ref: ItemRef,
    sectionId: string,
    actual: EvaluationData<'ActualSubmitted'>['actual'],
    rating?: Rating,
  ) => {
    const stream = evaluationStream(ref);
    log.append(stream, 'ActualSubmitted', {
      item: ref,
      sectionId,
      actual,
      late: false,
      submittedAt: RECORDED_AT,
    } satisfies EvaluationData<'ActualSubmitted'>);
    if (rating) log.append(stream, 'ItemRated', { item: ref, rating } satisfies EvaluationData<'ItemRated'>);
    log.append(stream, 'SubmissionApproved', { item: ref } satisfies EvaluationData<'SubmissionApproved'>);
  };
  spec.projects.forEach((p) =>
    evaluate(item('project', p.project.projectId), p.project.sectionId, { kind: 'project', text: p.actual }, p.rating),
  );
  spec.kpis.forEach((k) =>
    evaluate(
      item('kpi', k.kpi.kpiId),
      k.kpi.sectionId,
      { kind: 'kpi', value: parseMeasuredValue(k.actual), asOf: k.actualAsOf },
      k.rating,
    ),
  );
  for (const { planId, assessment } of spec.assessments ?? []) {
    const plan = { wardId: spec.wardId, fiscalYear: spec.fiscalYear, planId };
    log.append(assessmentStream(plan), 'ImprovementsRecorded', { plan, assessment, recordedAt: RECORDED_AT });
  }
  const models = log.events.reduce(projectEvent, emptyReadModels());
  const model = buildReportModel(models.wards.get(spec.wardId)!, spec.wardId, spec.fiscalYear);
  if (!model) throw new Error('no report model: the cycle was not opened');
  return { model, position: models.position, streams: [...new Set(log.events.map((e) => e.stream))] };
}

/** A correction (第2版) published 2023-09-14 10:00 in Japan, pinned to every stream read. */
export function publicationFor(
  position: number,
  streams: string[],
  overrides: Partial<PublicationInfo> = {},
): PublicationInfo {
  const chainHeads = Object.fromEntries(
    streams.map((stream, i) => [stream, { revision: i % 4, hash: createHash('sha256').update(stream).digest('hex') }]),
  );
  return {
    version: 2,
    publishedAt: '2023-09-14T01:00:00.000Z',
    position,
    templateVersion: TEMPLATE_VERSION,
    chainHeads,
    reason: '戦略計画2の実績の誤記を訂正',
    status: 'published',
    ...overrides,
  };
}
