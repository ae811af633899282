import type { KpiRow, PlanSection, ProjectRow, ReportModel, Summary } from '@pdca/projections';
import type { Rating } from '@pdca/review';
import { publishedDateLabel, sortedChainHeads } from '../format';
import { reportSchemeOf } from '../schemes/registry';
import type { PublicationInfo, ReportOptions } from '../publication-info';
import { repostOrigins, RepostOrigin } from '../tables/repost-origin';
import { PublicationVerification, verificationLine } from '../publication-verification';
import type {
  KpiJson,
  PlanJson,
  ProjectJson,
  PublicationJson,
  RatingJson,
  ReportJson,
  VerificationJson,
} from './report-json';
import { modelForTemplate } from '../layout/comparable-achievement';

/** What every part of the document looks things up in. */
interface Context {
  origins: Map<string, RepostOrigin>;
  summary: Summary;
}

/** The report as open data; see ReportJson for every field. Keys are written in a fixed order. */
export function renderReportJson(
  stored: ReportModel,
  publication: PublicationInfo,
  options: ReportOptions = {},
): ReportJson {
  const model = modelForTemplate(stored, publication.templateVersion);
  const context: Context = {
    origins: repostOrigins(model),
    summary: model.summary,
  };
  return {
    format: 'pdca-review-report',
    templateVersion: publication.templateVersion,
    ward: { id: model.wardId, name: options.wardName ?? null },
    fiscalYear: { year: model.fiscalYear, label: model.fiscalYearLabel },
    scheme: model.scheme,
    publication: publicationJson(publication),
    verification: verificationJson(publication.verification, publication.templateVersion),
    summary: reportSchemeOf(model.summary.scheme).summaryJson(model.summary),
    pillars: model.pillars.map((pillar) => ({
      id: pillar.pillarId,
      code: pillar.code,
      title: pillar.title,
      plans: pillar.plans.map((plan) => planJson(plan, context)),
    })),
  };
}

function verificationJson(
  verification: PublicationVerification | undefined,
  templateVersion: string,
): VerificationJson | null {
  if (!verification) return null;
  const { address, fingerprint, checkpoint } = verification;
  return {
    address,
    fingerprint,
    checkpoint: checkpoint ?? null,
    line: verificationLine(verification, templateVersion),
  };
}

function publicationJson(publication: PublicationInfo): PublicationJson {
  return {
    version: publication.version,
    status: publication.status,
    publishedAt: publication.publishedAt,
    publishedDate: publishedDateLabel(publication),
    position: publication.position,
    templateVersion: publication.templateVersion,
    reason: publication.reason ?? null,
    chainHeads: sortedChainHeads(publication).map((head) => ({
      stream: head.stream,
      revision: head.revision,
      hash: head.hash,
    })),
  };
}

function planJson(plan: PlanSection, context: Context): PlanJson {
  const a = plan.assessment;
  return {
    id: plan.planId,
    code: plan.code,
    title: plan.title,
    kpis: plan.kpis.map((kpi) => kpiJson(kpi, context)),
    projects: plan.projects.map((row) => projectJson(row, context)),
    assessment: a
      ? {
          issues: a.issues,
          improvements: a.improvements,
          nextYearDirection: a.nextYearDirection ?? null,
          progress: a.progress ?? null,
          effectiveness: a.effectiveness ?? null,
        }
      : null,
  };
}

function kpiJson(kpi: KpiRow, context: Context): KpiJson {
  return {
    id: kpi.kpiId,
    indicator: kpi.indicator,
    kind: kpi.kind,
    target: { value: kpi.target, asOf: kpi.targetAsOf },
    baseline: { value: kpi.baseline, asOf: kpi.baselineAsOf },
    actual: { value: kpi.actual, asOf: kpi.actualAsOf },
    achievementPercent: kpi.achievementPercent ?? null,
    rating: ratingJson(kpi.rating, context),
  };
}

function projectJson(row: ProjectRow, context: Context): ProjectJson {
  const origin = row.repost ? context.origins.get(row.projectId) : undefined;
  return {
    id: row.projectId,
    name: row.name,
    sectionNo: row.sectionNo,
    sectionTitle: row.sectionTitle,
    responsible: row.responsible,
    repost: row.repost,
    repostOf: origin ? repostOf(origin, row) : null,
    target: row.target,
    statusAtPreviousYearEnd: row.statusAtPreviousYearEnd,
    planned: row.planned,
    actual: row.actual,
    rating: ratingJson(row.rating, context),
    note: row.note,
  };
}

/** name and part only where the ward printed them: a version published before keeps its bytes. */
function repostOf(origin: RepostOrigin, row: ProjectRow): NonNullable<ProjectJson['repostOf']> {
  return {
    planCode: origin.planCode,
    sectionNo: origin.sectionNo,
    ...(row.originalName !== undefined ? { name: row.originalName } : {}),
    ...(row.repostPart !== undefined ? { part: row.repostPart } : {}),
  };
}

/** The rating as its scheme writes it, with the summary's wording of the grade. */
function ratingJson(rating: Rating | undefined, { summary }: Context): RatingJson | null {
  return rating ? reportSchemeOf(rating.scheme).ratingJson(rating, summary) : null;
}
