import type { ReportModel } from '@pdca/projections';
import { dateLabel } from '@pdca/kernel';
import { LABELS } from './labels';
import type { PublicationInfo, ReportOptions } from './publication-info';

export const versionLabel = (version: number) => `第${version}版`;

/** "令和5年9月14日（2023年9月14日）", in Japan time whatever the server's zone. */
export const publishedDateLabel = (publication: PublicationInfo) => dateLabel(new Date(publication.publishedAt));

export const statusLabel = (publication: PublicationInfo) =>
  publication.status === 'published' ? '公表' : '下書き（未公表）';

/** Enough of a SHA-256 to compare by eye; the full value is printed where there is room. */
export const shortHash = (hash: string) => hash.slice(0, 16);

export const wardNameOf = (model: ReportModel, options: ReportOptions = {}) => options.wardName ?? model.wardId;

/** "練馬区 総合戦略・アクションプラン 令和4年度（2022年度）末の進捗状況" */
export function reportTitle(model: ReportModel, options: ReportOptions = {}): string {
  return `${wardNameOf(model, options)} ${LABELS.reportSubtitle} ${model.fiscalYearLabel}末の進捗状況`;
}

/** A value with its as-of date, as the ward prints it: "計206所（令和6年4月1日現在）". */
export function withAsOf(value: string, asOf: string): string {
  if (!value) return LABELS.noValue;
  return asOf ? `${value}（${asOf}）` : value;
}

/** Chain heads in stream order, so every rendering lists them the same way. */
export function sortedChainHeads(
  publication: PublicationInfo,
): Array<{ stream: string; revision: number; hash: string }> {
  return Object.keys(publication.chainHeads)
    .sort()
    .map((stream) => ({ stream, ...publication.chainHeads[stream] }));
}

/** Whole percent, rounded as the ward prints shares (summary.ts does the same for each rating). */
export const shareOf = (count: number, total: number) => (total === 0 ? 0 : Math.round((count / total) * 100));
