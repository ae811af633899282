import type { NerimaRating } from '../rating/rating';
import { approved, context, given, hoiku, item, ratingA, submitted, when, withCycle } from './evaluation-spec-fixtures';

describe("rating an item (Nerima's rules)", () => {
  const rate = (rating: Partial<NerimaRating>, ctx = context(hoiku)) =>
    given(submitted).when(when('RateItem', { rating: { scheme: 'nerima', ...rating } }, ctx));

  it('needs a reason category and a note for B', () => {
    rate({ grade: 'B', note: '工事の遅延' }).thenThrows('FIELD_REQUIRED');
    rate({ grade: 'B', bReason: 'covid19' }).thenThrows('FIELD_REQUIRED');
    rate({ grade: 'B', bReason: 'weather', note: '台風' }).thenThrows('B_REASON_UNKNOWN');
    rate({ grade: 'B', bReason: 'construction', note: '都営住宅建設工事の着工が遅れたため' }).then([
      {
        type: 'ItemRated',
        data: {
          item,
          rating: { scheme: 'nerima', grade: 'B', bReason: 'construction', note: '都営住宅建設工事の着工が遅れたため' },
        },
      },
    ]);
  });

  it('needs a note for A+', () => {
    rate({ grade: 'A+' }).thenThrows('FIELD_REQUIRED');
  });

  it("allows '-' only when nothing was planned this year", () => {
    rate({ grade: '-' }).thenThrows('DASH_REQUIRES_NOTHING_PLANNED');
    const nothingPlanned = context(hoiku, { item: { ...context(hoiku).item, nothingPlanned: true } });
    rate({ grade: '-' }, nothingPlanned).then([
      { type: 'ItemRated', data: { item, rating: { scheme: 'nerima', grade: '-' } } },
    ]);
  });

  it("allows '*' only for projects marked as not suited to short-term evaluation", () => {
    rate({ grade: '*' }).thenThrows('STAR_REQUIRES_LONG_TERM_PROJECT');
  });

  it("refuses a rating of the other ward's scheme", () => {
    given(submitted)
      .when(when('RateItem', { rating: { scheme: 'taisho', achievement: 'A' } }, context(hoiku)))
      .thenThrows('RATING_SCHEME_MISMATCH');
  });

  it('refuses an item not started yet', () => {
    given([])
      .when(when('RateItem', { rating: ratingA }, context(hoiku)))
      .thenThrows('INVALID_STATUS');
  });

  it('refuses after publication (the submission window is over)', () => {
    given(approved)
      .when(when('RateItem', { rating: ratingA }, withCycle(hoiku, 'published')))
      .thenThrows('CYCLE_NOT_OPEN');
  });
});
