import { ruleViolation } from '@pdca/kernel';
import { fieldRequired, kpiNotRated } from '../rule-errors';
import type { RatedItem, SchemeSettings } from '../scheme';
import type { OrdinalRating } from './ordinal.rating';

/** A grade of the cycle's scale, on a project; a note where the scale asks for a reason. */
export function assertOrdinalRating(rating: OrdinalRating, item: RatedItem, { ordinalScale }: SchemeSettings): void {
  if (item.kind === 'kpi') throw kpiNotRated();
  const codes = ordinalScale?.grades.map((grade) => grade.code) ?? [];
  if (!codes.includes(rating.grade)) {
    throw ruleViolation(
      'GRADE_NOT_ON_SCALE',
      `評価「${rating.grade}」はこの年度の評価段階（${codes.join('・')}）にありません。`,
      `Grade ${rating.grade} is not on this cycle's scale (${codes.join(', ')}).`,
      { field: 'rating.grade', allowed: codes },
    );
  }
  if (ordinalScale?.reasonRequired.includes(rating.grade) && !rating.note?.trim()) {
    throw fieldRequired('rating.note', `備考（${rating.grade} の理由）`, `a note explaining the ${rating.grade}`);
  }
}
