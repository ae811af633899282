import type { KpiRow, ProjectRow, Summary } from '@pdca/projections';
import { gradeMeaning, gradeSymbol, PlanAssessment, Rating } from '@pdca/review';

/** Every rendering prints the same words; they live here so a wording change is one edit (and a template bump). */
export const LABELS = {
  reportSubtitle: '総合戦略・アクションプラン',
  summaryHeading: '進捗状況の集計',
  repost: '再掲',
  unrated: '未評価',
  total: '合計',
  breakdown: '内訳',
  noValue: '—',
  pillar: '基本目標',
  plan: '戦略計画',
  kpiHeading: '重要業績評価指標（KPI）',
  actionPlanHeading: 'アクションプラン［年度別取組計画］',
  assessmentHeading: '評価・改善（課題と改善策）',
  publicationHeading: '公表情報',
  chainHeading: '監査チェーンの先頭',
  draftBanner: '下書き：公表前の版です。内容は変わることがあります。',
} as const;

export const KPI_KIND_LABELS: Record<string, string> = { output: 'アウトプット', outcome: 'アウトカム' };

const PROGRESS_LABELS = { a: 'a（順調）', b: 'b（順調でない）' } as const;
const EFFECTIVENESS_LABELS = {
  continue: 'ア（有効であり、継続して推進）',
  revise: 'イ（有効でないため、戦略を見直す）',
} as const;

/** Grade (or A/B achievement) as printed in the 進捗状況 / 達成状況 column, by the rating's own scheme. */
export function ratingSymbol(rating: Rating | undefined): string {
  return rating ? gradeSymbol(rating) : LABELS.unrated;
}

/** The summary's wording when given, so '-' reads 令和4年度末までに… everywhere the summary says so. */
export function ratingMeaning(rating: Rating | undefined, summary?: Summary): string {
  return rating ? gradeMeaning(rating, summary) : LABELS.unrated;
}

/** 再掲 rows print the rating as the ward does: "B（再掲）". */
export function ratingCell(row: ProjectRow): string {
  const symbol = ratingSymbol(row.rating);
  return row.repost ? `${symbol}（${LABELS.repost}）` : symbol;
}

/** Assessment rows in print order; Taisho's progress and effectiveness only when recorded. */
export function assessmentEntries(assessment: PlanAssessment): Array<[string, string]> {
  const entries: Array<[string, string]> = [
    ['課題', assessment.issues],
    ['改善策', assessment.improvements],
  ];
  if (assessment.nextYearDirection) entries.push(['次年度の方向性', assessment.nextYearDirection]);
  if (assessment.progress) entries.push(['戦略の進捗状況', PROGRESS_LABELS[assessment.progress]]);
  if (assessment.effectiveness)
    entries.push(['戦略に対する取組の有効性', EFFECTIVENESS_LABELS[assessment.effectiveness]]);
  return entries;
}

export const kpiKindLabel = (row: KpiRow) => KPI_KIND_LABELS[row.kind] ?? row.kind;
