/**
 * The published report as open data (JSON). Keys always appear, in this order; a missing value is
 * null, never an absent key, so consumers can rely on the shape. Texts are as printed (Japanese).
 */
export interface ReportJson {
  /** Identifies this document shape; it changes only with the template version. */
  format: 'pdca-review-report';
  templateVersion: string;
  ward: { id: string; name: string | null };
  /** 2022 and "令和4年度（2022年度）". */
  fiscalYear: { year: number; label: string };
  scheme: 'nerima' | 'taisho' | 'ordinal';
  publication: PublicationJson;
  /** How to verify this published version (issue 13): what HTML, PDF and Excel print in one line; null for a draft. */
  verification: VerificationJson | null;
  summary: SummaryJson;
  pillars: PillarJson[];
}

export interface VerificationJson {
  /** Where the published versions and their fingerprints are listed. */
  address: string;
  /** The version's fingerprint (sha256:…), which pins every chain head. */
  fingerprint: string;
  /** The first signed checkpoint whose log holds the report's position (the whole root); null without a signing key. */
  checkpoint: { treeSize: number; rootHash: string; keyId: string; time: string } | null;
  /** The line as the other formats print it. */
  line: string;
}

export interface PublicationJson {
  /** 第N版 as a number. */
  version: number;
  status: 'published' | 'draft';
  /** ISO instant and its date in 和暦 and Western form (Japan time). */
  publishedAt: string;
  publishedDate: string;
  /** Global event-log position the report was computed from. */
  position: number;
  templateVersion: string;
  /** Why a correction was published; null for a first publication. */
  reason: string | null;
  /** Hash-chain head of every stream read, sorted by stream. */
  chainHeads: Array<{ stream: string; revision: number; hash: string }>;
}

export interface CountJson {
  code: string;
  label: string;
  count: number;
  /** Whole percent of the total, rounded as the ward prints it. */
  share: number;
}

export interface NerimaSummaryJson {
  scheme: 'nerima';
  total: number;
  unrated: number;
  ratings: CountJson[];
  /** B の内訳 by the cycle's reason categories. */
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

/** A ward-defined scale: one count per grade, in the scale's order, with its label. */
export interface OrdinalSummaryJson {
  scheme: 'ordinal';
  total: number;
  unrated: number;
  ratings: CountJson[];
}

export type SummaryJson = NerimaSummaryJson | TaishoSummaryJson | OrdinalSummaryJson;

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
  assessment: AssessmentJson | null;
}

export interface ValueJson {
  value: string;
  asOf: string;
}

export interface KpiJson {
  id: string;
  indicator: string;
  /** output (アウトプット) or outcome (アウトカム). */
  kind: string;
  target: ValueJson;
  baseline: ValueJson;
  actual: ValueJson;
  /** (actual − baseline) / (target − baseline) in percent, where all three are numbers in one unit. */
  achievementPercent: number | null;
  rating: RatingJson | null;
}

export interface ProjectJson {
  id: string;
  name: string;
  sectionNo: string;
  sectionTitle: string;
  responsible: string;
  /** 再掲: listed again under this plan; counted once, under `repostOf`. */
  repost: boolean;
  /** name: the original's own name, where the repost prints another; part: what a partial repost (一部再掲) covers. */
  repostOf: { planCode: string; sectionNo: string; name?: string; part?: string } | null;
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
  | {
      scheme: 'taisho';
      achievement: 'A' | 'B';
      label: string;
      performanceTarget: string | null;
      withdrawalCriterion: string | null;
      withdrawalCriterionHit: boolean;
      note: string | null;
      /** Only when the section said so (absent keys keep earlier versions' bytes). */
      implementedAsPlanned?: boolean;
      issues?: string;
      improvements?: string;
    }
  | { scheme: 'ordinal'; grade: string; label: string; note: string | null };

export interface AssessmentJson {
  issues: string;
  improvements: string;
  nextYearDirection: string | null;
  /** Taisho: a 順調 / b 順調でない. */
  progress: 'a' | 'b' | null;
  /** Taisho: continue (ア 有効) / revise (イ 見直し). */
  effectiveness: 'continue' | 'revise' | null;
}
