import { ruleViolation } from '@pdca/kernel';
import { fieldRequired, kpiNotRated } from '../rule-errors';
import type { RatedItem, SchemeSettings } from '../scheme';
import type { NerimaRating } from './nerima.rating';

/** Seed 002: B needs one of the cycle's reason categories and a note; A+ a note; '*' and '-' only for the items they describe. */
export function assertNerimaRating(rating: NerimaRating, item: RatedItem, { bReasons }: SchemeSettings): void {
  if (item.kind === 'kpi') throw kpiNotRated();
  const note = rating.note?.trim();
  switch (rating.grade) {
    case 'B':
      if (!rating.bReason) throw fieldRequired('rating.bReason', 'B の内訳', 'a reason category for B');
      if (!bReasons.some((r) => r.code === rating.bReason)) {
        throw ruleViolation(
          'B_REASON_UNKNOWN',
          `B の内訳「${rating.bReason}」はこの年度の区分にありません。`,
          `B reason ${rating.bReason} is not one of this cycle's categories.`,
          { field: 'rating.bReason', allowed: bReasons.map((r) => r.code) },
        );
      }
      if (!note) throw fieldRequired('rating.note', '備考（B の理由）', 'a note explaining the B');
      return;
    case 'A+':
      if (!note) throw fieldRequired('rating.note', '備考（A+ の理由）', 'a note explaining the A+');
      return assertNoBReason(rating.bReason);
    case '-':
      if (!item.nothingPlanned) {
        throw ruleViolation(
          'DASH_REQUIRES_NOTHING_PLANNED',
          '「-」は当該年度に計画がない取組にのみ付けられます。',
          "'-' is only for a project with nothing planned this year.",
          { field: 'rating.grade' },
        );
      }
      return assertNoBReason(rating.bReason);
    case '*':
      if (!item.notSuitedForShortTermEvaluation) {
        throw ruleViolation(
          'STAR_REQUIRES_LONG_TERM_PROJECT',
          '「*」は短期での評価がなじまない取組にのみ付けられます。',
          "'*' is only for projects marked as not suited to short-term evaluation.",
          { field: 'rating.grade' },
        );
      }
      return assertNoBReason(rating.bReason);
    case 'A':
      return assertNoBReason(rating.bReason);
  }
}

function assertNoBReason(bReason: string | undefined): void {
  if (bReason) {
    throw ruleViolation(
      'B_REASON_ONLY_FOR_B',
      'B の内訳は B の評価にのみ付けられます。',
      'A B reason category only goes with a B rating.',
      { field: 'rating.bReason' },
    );
  }
}
