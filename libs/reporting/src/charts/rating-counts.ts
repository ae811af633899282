import type { PillarSection, ProjectRow, ReportModel } from '@pdca/projections';
import { schemeOf } from '@pdca/review';
import { LABELS, ratingSymbol } from '../labels';

export interface Bucket {
  key: string;
  label: string;
}

export interface DistributionRow {
  /** Short label drawn beside the bar (基本目標Ⅰ, 戦略計画1 …). */
  label: string;
  counts: number[];
  total: number;
}

/** Counts per rating for a set of rows, with the buckets in legend order. */
export interface Distribution {
  scheme: ReportModel['scheme'];
  buckets: Bucket[];
  rows: DistributionRow[];
}

/** Buckets labelled as the summary table labels them ('-' carries the year there). */
function bucketsOf(model: ReportModel): Bucket[] {
  const rows = schemeOf(model.summary.scheme).categories(model.summary);
  return [...rows.map((row) => ({ key: row.key, label: row.label })), { key: 'unrated', label: LABELS.unrated }];
}

/** Reposts are left out, as in the summary table: a project counts once, under its own plan. */
function countRow(label: string, projects: ProjectRow[], buckets: Bucket[]): DistributionRow {
  const counted = projects.filter((row) => !row.repost);
  const keyOf = (row: ProjectRow) => (row.rating ? ratingSymbol(row.rating) : 'unrated');
  const counts = buckets.map((bucket) => counted.filter((row) => keyOf(row) === bucket.key).length);
  return { label, counts, total: counted.length };
}

/** The 未評価 bucket only appears while something is unrated. */
function withoutEmptyUnrated(distribution: Distribution): Distribution {
  const index = distribution.buckets.findIndex((bucket) => bucket.key === 'unrated');
  if (distribution.rows.some((row) => row.counts[index] > 0)) return distribution;
  return {
    ...distribution,
    buckets: distribution.buckets.filter((_, i) => i !== index),
    rows: distribution.rows.map((row) => ({ ...row, counts: row.counts.filter((_, i) => i !== index) })),
  };
}

const projectsOf = (pillar: PillarSection) => pillar.plans.flatMap((plan) => plan.projects);

/** 全体, then one row per pillar. */
export function overviewDistribution(model: ReportModel): Distribution {
  const buckets = bucketsOf(model);
  const rows = [
    countRow('全体', model.pillars.flatMap(projectsOf), buckets),
    ...model.pillars.map((pillar) =>
      countRow(`${LABELS.pillar}${pillar.code} ${pillar.title}`, projectsOf(pillar), buckets),
    ),
  ];
  return withoutEmptyUnrated({ scheme: model.scheme, buckets, rows });
}

/** The pillar, then one row per plan under it. */
export function pillarDistribution(model: ReportModel, pillar: PillarSection): Distribution {
  const buckets = bucketsOf(model);
  const rows = [
    countRow(`${LABELS.pillar}${pillar.code} 計`, projectsOf(pillar), buckets),
    ...pillar.plans.map((plan) => countRow(`${LABELS.plan}${plan.code} ${plan.title}`, plan.projects, buckets)),
  ];
  return withoutEmptyUnrated({ scheme: model.scheme, buckets, rows });
}

/** The text alternative: every count in words. */
export function describeDistribution(distribution: Distribution): string {
  return distribution.rows
    .map((row) => {
      const parts = distribution.buckets.map(
        (bucket, i) =>
          `${bucket.key === 'unrated' ? LABELS.unrated : `${bucket.key}（${bucket.label}）`}${row.counts[i]}件`,
      );
      return `${row.label}：${parts.join('、')}、計${row.total}件。`;
    })
    .join('');
}
