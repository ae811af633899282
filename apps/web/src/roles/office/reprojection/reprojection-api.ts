import { api, get, wardPath } from '../../../api/client';
import type { CycleStatus } from '../../../api/types';
import { useQuery } from '../../../api/use-query';
import { cyclePath } from '../office-api';

/** Shapes of POST …/report/reprojections (libs/reporting/src/reprojection) and the year it reads. */

export interface ReasonCategory {
  code: string;
  label: string;
}

/** The body the API takes: RuleRevision in libs/reporting/src/reprojection/rule-revision.ts. */
export interface RuleRevision {
  name: string;
  bReasons: ReasonCategory[];
  bReasonMap: Record<string, string>;
  assign?: Record<string, string>;
  gradeLabels?: Record<string, string>;
}

export interface SummaryRow {
  key: string;
  label: string;
  count: number;
  share: number;
}

export interface NerimaSummary {
  scheme: 'nerima';
  rows: SummaryRow[];
  bReasons: SummaryRow[];
  unrated: number;
  total: number;
}

export interface SideBySide {
  fiscalYear: number;
  revision: string;
  original: NerimaSummary;
  revised: NerimaSummary;
  moves: Array<{ projectId: string; name: string; from: string; to: string }>;
}

/** A project rated B in the year, with the reason it was given (repost rows are not counted). */
export interface BProject {
  projectId: string;
  name: string;
  bReason: string;
}

/** What the form starts from: the year's categories, its grades' wording and its B projects. */
export interface YearRules {
  fiscalYear: number;
  published: boolean;
  bReasons: ReasonCategory[];
  grades: SummaryRow[];
  bProjects: BProject[];
}

interface ReportModelRows {
  summary: { scheme: string; rows?: SummaryRow[] };
  pillars: Array<{
    plans: Array<{
      projects: Array<{
        projectId: string;
        name: string;
        repost: boolean;
        rating?: { scheme: string; grade?: string; bReason?: string };
      }>;
    }>;
  }>;
}

function bProjectsOf(model: ReportModelRows): BProject[] {
  return model.pillars.flatMap((pillar) =>
    pillar.plans.flatMap((plan) =>
      plan.projects.flatMap((row) =>
        !row.repost && row.rating?.grade === 'B' && row.rating.bReason
          ? [{ projectId: row.projectId, name: row.name, bReason: row.rating.bReason }]
          : [],
      ),
    ),
  );
}

/**
 * The year as the API recounts it: a published year from its latest published version (as the
 * public reads it), any other from what is recorded now; the categories from the cycle, which the
 * API checks the revision against.
 */
async function loadYearRules(wardId: string, fiscalYear: number, signal: AbortSignal): Promise<YearRules> {
  const cycle = await get<{ status: CycleStatus; bReasons?: ReasonCategory[] }>(cyclePath(wardId, fiscalYear), signal);
  const published = cycle.status === 'published';
  const model = published
    ? (
        await get<{ model: ReportModelRows }>(
          `/public/wards/${encodeURIComponent(wardId)}/reports/${fiscalYear}`,
          signal,
        )
      ).model
    : await get<ReportModelRows>(cyclePath(wardId, fiscalYear, '/report'), signal);
  return {
    fiscalYear,
    published,
    bReasons: cycle.bReasons ?? [],
    grades: model.summary.rows ?? [],
    bProjects: bProjectsOf(model),
  };
}

export function useYearRules(wardId: string, fiscalYear: number | undefined) {
  return useQuery(fiscalYear ? `reproj-year:${wardId}:${fiscalYear}` : null, (signal) =>
    loadYearRules(wardId, fiscalYear!, signal),
  );
}

/** Reads only: nothing is appended, so no Idempotency-Key (the API answers the same for the same rules). */
export async function postReprojection(wardId: string, fiscalYear: number, revision: RuleRevision) {
  return (
    await api<SideBySide>(wardPath(wardId, `/cycles/${fiscalYear}/report/reprojections`), {
      method: 'POST',
      body: revision,
    })
  ).data;
}
