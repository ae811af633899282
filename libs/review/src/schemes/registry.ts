import { assertNever } from '@pdca/kernel';
import type { Rating } from '../rating/rating';
import { NERIMA } from './nerima/nerima.scheme';
import type { NerimaSummary } from './nerima/nerima.summary';
import { ORDINAL } from './ordinal/ordinal.scheme';
import type { OrdinalSummary } from './ordinal/ordinal.summary';
import { SCHEME_LABELS, SchemeLabels } from './labels';
import type { RatingScheme } from './scheme';
import { TAISHO } from './taisho/taisho.scheme';
import type { TaishoSummary } from './taisho/taisho.summary';

export type SchemeId = Rating['scheme'];
export type Summary = NerimaSummary | TaishoSummary | OrdinalSummary;
type RatingOf<K extends SchemeId> = Extract<Rating, { scheme: K }>;
type SummaryOf<K extends SchemeId> = Extract<Summary, { scheme: K }>;

/**
 * Every scheme, one line each. The mapped type makes this exhaustive: a SchemeId (a Rating variant)
 * without its line here does not compile, so no caller can fall into another scheme's branch.
 */
export const RATING_SCHEMES: { [K in SchemeId]: RatingScheme<RatingOf<K>, SummaryOf<K>> } = {
  nerima: NERIMA,
  taisho: TAISHO,
  ordinal: ORDINAL,
};

export const SCHEMES = Object.keys(RATING_SCHEMES) as SchemeId[];

/** The names the web app shares (labels.ts) are keyed by the same ids: a scheme missing there, or one extra, does not compile. */
export const SCHEME_NAMES: { readonly [K in SchemeId]: SchemeLabels } = SCHEME_LABELS satisfies {
  readonly [K in keyof typeof SCHEME_LABELS]: K extends SchemeId ? SchemeLabels : never;
};

/** The scheme as the callers that hold a rating or a summary of it use it (they dispatch on its own tag). */
export function schemeOf(id: SchemeId): RatingScheme<Rating, Summary> {
  const scheme = RATING_SCHEMES[id] as RatingScheme<Rating, Summary> | undefined;
  return scheme ?? assertNever(id as never, 'rating scheme');
}

/** The grade as printed (A+, A, S …) by the rating's own scheme. */
export const gradeSymbol = (rating: Rating): string => schemeOf(rating.scheme).symbol(rating);

/** What the grade means, worded as the summary words it when given. */
export const gradeMeaning = (rating: Rating, summary?: Summary): string =>
  schemeOf(rating.scheme).meaning(rating, summary?.scheme === rating.scheme ? summary : undefined);
