import {
  actual,
  context,
  given,
  hoiku,
  item,
  otherSection,
  ratingA,
  submitted,
  when,
} from './evaluation-spec-fixtures';

describe('saving a draft', () => {
  it('saves the actual and rating as they are, to finish later', () => {
    given([])
      .when(when('SaveDraft', { draft: { actual, rating: ratingA } }, context(hoiku)))
      .then([{ type: 'DraftSaved', data: { item, draft: { actual, rating: ratingA } } }]);
  });

  it('refuses once the item is submitted', () => {
    given(submitted)
      .when(when('SaveDraft', { draft: { actual } }, context(hoiku)))
      .thenThrows('INVALID_STATUS');
  });

  it("refuses another section's item", () => {
    given([])
      .when(when('SaveDraft', { draft: { actual } }, context(otherSection)))
      .thenThrows('NOT_YOUR_SECTION');
  });
});
