import type { CorrectedValue } from './correction-changes';

/** One published correction (第N版, N ≥ 2) of a ward's report, as the feeds tell it. */
export interface CorrectionEntry {
  fiscalYear: number;
  /** 令和4年度（2022年度） */
  fiscalYearLabel: string;
  version: number;
  publishedAt: string;
  reason: string;
  /** The office that published the correction (the planning office of the ward). */
  office: string;
  /** The new version's fingerprint (publicationFingerprint). */
  fingerprint: string;
  changes: CorrectedValue[];
  /** Absolute address of the corrected version. */
  url: string;
}

/** A ward's correction feed: newest entry first. */
export interface CorrectionFeed {
  wardId: string;
  wardName: string;
  /** The ward's list of reports (the feed's home page). */
  homeUrl: string;
  /** The addresses of the feed in each format. */
  atomUrl: string;
  jsonUrl: string;
  /** The newest publication of the ward (first or corrected), or the epoch when none: keeps the bytes stable. */
  updated: string;
  entries: CorrectionEntry[];
}

export const feedTitle = (feed: CorrectionFeed) =>
  `${feed.wardName} 公表済み報告の訂正 / corrections to published reports`;

export const entryTitle = (entry: CorrectionEntry) =>
  `${entry.fiscalYearLabel} 第${entry.version}版（訂正）: ${entry.reason}`;

/** The change list as one line per value: 「P03-004 取組名 / 実績: 旧 → 新」. */
export const changeLine = (change: CorrectedValue, fieldLabel: string) =>
  `${change.itemId} ${change.name} / ${fieldLabel}: ${change.before || '（空欄）'} → ${change.after || '（空欄）'}${change.reason ? `（${change.reason}）` : ''}`;
