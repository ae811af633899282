import { context, council, given, hoiku, item, submitted, when } from './evaluation-spec-fixtures';

describe('approving a submission', () => {
  it('approves a submitted, rated item', () => {
    given(submitted)
      .when(when('ApproveSubmission', {}, context(council)))
      .then([{ type: 'SubmissionApproved', data: { item, comment: undefined } }]);
  });

  it('refuses to approve an item without a rating', () => {
    given([submitted[0]])
      .when(when('ApproveSubmission', {}, context(council)))
      .thenThrows('RATING_MISSING');
  });

  it('reviews only submitted items', () => {
    given([])
      .when(when('ApproveSubmission', {}, context(council)))
      .thenThrows('INVALID_STATUS');
  });

  it('lets only council members review', () => {
    given(submitted)
      .when(when('ApproveSubmission', {}, context(hoiku)))
      .thenThrows('ROLE_NOT_ALLOWED');
  });
});
