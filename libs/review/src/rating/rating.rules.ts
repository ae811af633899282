import { ruleViolation } from '@pdca/kernel';
import { schemeOf } from '../schemes/registry';
import type { RatedItem, SchemeSettings } from '../schemes/scheme';
import type { Rating, Scheme } from './rating';

export type { RatedItem } from '../schemes/scheme';

/** Every rule a rating must satisfy for its scheme and item, wherever it is given (self-rating or council). */
export function assertValidRating(rating: Rating, scheme: Scheme, item: RatedItem, settings: SchemeSettings): void {
  if (rating.scheme !== scheme) {
    throw ruleViolation(
      'RATING_SCHEME_MISMATCH',
      `この年度の評価方式は「${scheme}」です。`,
      `This cycle rates with the ${scheme} scheme.`,
      { field: 'rating.scheme' },
    );
  }
  schemeOf(scheme).assertValid(rating, item, settings);
}
