import type { NerimaRating } from '../rating/rating';
import {
  approved,
  context,
  council,
  given,
  item,
  ratingA,
  submitted,
  when,
  withCycle,
} from './evaluation-spec-fixtures';

describe('adjusting a rating', () => {
  const adjusted: NerimaRating = { scheme: 'nerima', grade: 'A+', note: '前倒しで整備' };

  it("adjusts with a stated reason, keeping the section's rating as its own fact", () => {
    given(submitted)
      .when(when('AdjustRating', { rating: adjusted, reason: '計画を上回る定員を確保' }, context(council)))
      .then([
        { type: 'RatingAdjusted', data: { item, from: ratingA, to: adjusted, reason: '計画を上回る定員を確保' } },
      ]);
  });

  it('needs a reason', () => {
    given(submitted)
      .when(when('AdjustRating', { rating: adjusted, reason: ' ' }, context(council)))
      .thenThrows('FIELD_REQUIRED');
  });

  it('refuses after publication', () => {
    given(approved)
      .when(when('AdjustRating', { rating: ratingA, reason: 'x' }, withCycle(council, 'published')))
      .thenThrows('CYCLE_PUBLISHED');
  });
});
