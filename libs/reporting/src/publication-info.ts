import type { Summary } from '@pdca/projections';
import type { Rating } from '@pdca/review';
import type { PublicationVerification } from './publication-verification';

/** What the rendered report says about its own publication (the footer, 公表情報). */
export interface PublicationInfo {
  /** 第N版: 1 for the first publication, +1 per correction. */
  version: number;
  /** ISO instant; also the PDF's creation date, so the same publication renders to the same bytes. */
  publishedAt: string;
  /** Global log position the report was computed from. */
  position: number;
  templateVersion: string;
  /** Hash-chain head of every stream the report was computed from. */
  chainHeads: Record<string, { revision: number; hash: string }>;
  /** Why a correction was published. */
  reason?: string;
  status: 'published' | 'draft';
  /** A published version's verification line (address, fingerprint, covering checkpoint). */
  verification?: PublicationVerification;
}

/** One earlier year's published summary, for the multi-year trend chart. */
export interface SummaryHistoryEntry {
  fiscalYear: number;
  summary: Summary;
}

/** One year's reported value of a KPI; `number` when the value has a figure to plot. */
export interface KpiHistoryPoint {
  fiscalYear: number;
  actual: string;
  number?: number;
}

/** One earlier year's published rating of a project (its own row, not a repost). */
export interface ProjectHistoryPoint {
  fiscalYear: number;
  rating?: Rating;
}

export interface ReportOptions {
  /** Printed in the title (練馬区); the model only knows the ward's id. */
  wardName?: string;
  /** The office that issues the report, printed on the cover (seed 002: 企画部 企画課). */
  issuingOffice?: string;
  /** Earlier years' summaries; the report's own year is added from the model. */
  history?: SummaryHistoryEntry[];
  /** Earlier years' actuals per KPI id; the report's own year is added from the model. */
  kpiHistory?: Record<string, KpiHistoryPoint[]>;
  /** Earlier years' ratings per project id (Taisho: each initiative's 業績目標 result over the years). */
  projectHistory?: Record<string, ProjectHistoryPoint[]>;
  /** The provenance page of this report (HTML): the summary's numbers link to its cell anchors. */
  provenanceHref?: string;
}
