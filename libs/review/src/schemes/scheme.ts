import type { ItemKind } from '../evaluation/evaluation-item';
import type { ReasonCategory } from './nerima/nerima.rating';
import type { OrdinalScale } from './ordinal/ordinal.scale';

/** What a cycle configures for its scheme at OpenCycle: Nerima's B categories, an ordinal scheme's scale. */
export interface SchemeSettings {
  bReasons: readonly ReasonCategory[];
  ordinalScale?: OrdinalScale;
}

/** Only what the rules look at, so a section's item and a council's view both satisfy it. */
export interface RatedItem {
  kind: ItemKind;
  notSuitedForShortTermEvaluation: boolean;
  nothingPlanned: boolean;
}

export interface SummaryRow {
  key: string;
  label: string;
  count: number;
  /** Whole percent of the total, rounded half up as the ward prints it. */
  share: number;
}

export interface Bilingual {
  ja: string;
  en: string;
}

/** The ratings of a cycle's scope, counted into the scheme's summary. */
export interface SummaryInput<R> {
  projects: Array<R | undefined>;
  kpis: Array<R | undefined>;
  settings: SchemeSettings;
  /** 令和4年度: Nerima's '-' is worded with the year. */
  yearLabel: string;
}

/**
 * Everything a rating scheme decides, in one object per scheme (schemes/<id>/<id>.scheme.ts).
 * The registry (registry.ts) maps every SchemeId to one, so a scheme that is not handled does not compile.
 * Methods (not arrow properties) so a scheme over its own rating fits the registry's common type.
 */
export interface RatingScheme<R, S> {
  id: string;
  /** Shown where the planning office chooses a scheme. */
  name: Bilingual;
  hint: Bilingual;
  /** The column heading of the rating: 進捗状況, 達成状況, 評価. */
  ratingHeading: Bilingual;
  /** Whether KPIs carry a rating too, or only their actual. */
  ratesKpis: boolean;
  /** Whether Act records the strategy's progress (a/b) and effectiveness (ア/イ) too (Taisho, seed 004). */
  judgesStrategies: boolean;
  /** Refuses a cycle configuration the scheme cannot run with (400, naming the field). */
  assertSettings(settings: SchemeSettings): void;
  /** Every rule a rating must satisfy for its item, wherever it is given (self-rating, council, import). */
  assertValid(rating: R, item: RatedItem, settings: SchemeSettings): void;
  /** The grade as printed in the rating column (A+, A, S …). */
  symbol(rating: R): string;
  /** What the grade means, worded as the summary words it. */
  meaning(rating: R, summary?: S): string;
  summarize(input: SummaryInput<R>): S;
  /** The summary's counted categories in print order (the buckets of charts and totals). */
  categories(summary: S): SummaryRow[];
  /** Flat counts kept in the publication event, e.g. { 'A+': 21, 'B:covid19': 4, total: 383 }. */
  counts(summary: S): Record<string, number>;
}

export const shareOf = (count: number, total: number) => (total === 0 ? 0 : Math.round((count / total) * 100));
