import {
  actual,
  context,
  given,
  hoiku,
  item,
  kikaku,
  ratingA,
  submitted,
  when,
  withCycle,
} from './evaluation-spec-fixtures';

describe('importing an evaluation', () => {
  it('records the imported actual and rating for the owning section', () => {
    given([])
      .when(when('ImportEvaluation', { actual, rating: ratingA, importId: 'imp-1' }, context(kikaku)))
      .then([
        { type: 'EvaluationImported', data: { item, sectionId: 'hoiku', actual, rating: ratingA, importId: 'imp-1' } },
      ]);
  });

  it('never overwrites a submission', () => {
    given(submitted)
      .when(when('ImportEvaluation', { actual, importId: 'imp-1' }, context(kikaku)))
      .thenThrows('INVALID_STATUS');
  });

  it('is the planning office’s, and not after publication', () => {
    given([])
      .when(when('ImportEvaluation', { actual, importId: 'imp-1' }, context(hoiku)))
      .thenThrows('ROLE_NOT_ALLOWED');
    given([])
      .when(when('ImportEvaluation', { actual, importId: 'imp-1' }, withCycle(kikaku, 'published')))
      .thenThrows('CYCLE_PUBLISHED');
  });
});
