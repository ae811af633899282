/**
 * The report as open data (`?format=json`), the fields the pages read. The full shape and its
 * meaning is libs/reporting/src/json/report-json.ts; the public page and the auditor's as-known
 * view render the same document.
 */
export interface ReportJson {
  ward: { id: string; name: string | null };
  fiscalYear: { year: number; label: string };
  scheme: 'nerima' | 'taisho';
  publication: {
    version: number;
    status: 'published' | 'draft';
    publishedAt: string;
    publishedDate: string;
    position: number;
    reason: string | null;
  };
  summary: NerimaSummaryJson | TaishoSummaryJson;
  pillars: PillarJson[];
}

export interface CountJson {
  code: string;
  label: string;
  count: number;
  share: number;
}

export interface NerimaSummaryJson {
  scheme: 'nerima';
  total: number;
  unrated: number;
  ratings: CountJson[];
  bReasons: CountJson[];
}

export interface TaishoSummaryJson {
  scheme: 'taisho';
  total: number;
  unrated: number;
  projects: CountJson[];
  kpis: CountJson[];
  withdrawalCriteriaHit: number;
}

export interface PillarJson {
  id: string;
  code: string;
  title: string;
  plans: PlanJson[];
}

export interface PlanJson {
  id: string;
  code: string;
  title: string;
  kpis: KpiJson[];
  projects: ProjectJson[];
  assessment: { issues: string; improvements: string; nextYearDirection: string | null } | null;
}

export interface KpiJson {
  id: string;
  indicator: string;
  kind: string;
  target: { value: string; asOf: string };
  baseline: { value: string; asOf: string };
  actual: { value: string; asOf: string };
  achievementPercent: number | null;
  rating: RatingJson | null;
}

export interface ProjectJson {
  id: string;
  name: string;
  sectionNo: string;
  sectionTitle: string;
  responsible: string;
  repost: boolean;
  repostOf: { planCode: string; sectionNo: string } | null;
  target: string;
  statusAtPreviousYearEnd: string;
  planned: string;
  actual: string;
  rating: RatingJson | null;
  note: string;
}

export type RatingJson =
  | {
      scheme: 'nerima';
      grade: string;
      label: string;
      bReason: { code: string; label: string } | null;
      note: string | null;
    }
  | { scheme: 'taisho'; achievement: 'A' | 'B'; label: string; withdrawalCriterionHit: boolean; note: string | null };

/** `GET /public/wards/{w}/reports`: newest year first, each with its versions in order. */
export interface PublishedYear {
  fiscalYear: number;
  versions: Array<{ version: number; publishedAt: string; reason?: string; fingerprint: string }>;
}

/** One page of a report: the summary first, then one page per strategic plan. */
export interface ReportPage {
  plan?: PlanJson;
  pillar?: PillarJson;
}

export function reportPages(report: ReportJson): ReportPage[] {
  return [{}, ...report.pillars.flatMap((pillar) => pillar.plans.map((plan) => ({ pillar, plan })))];
}

export const ratingCode = (rating: RatingJson | null) =>
  rating ? (rating.scheme === 'nerima' ? rating.grade : rating.achievement) : undefined;
