import { approved, context, given, hoiku, item, submitted, when } from './evaluation-spec-fixtures';

describe('withdrawing a submission', () => {
  it('lets the section withdraw before review, back to a draft', () => {
    given(submitted)
      .when(when('WithdrawSubmission', {}, context(hoiku)))
      .then([{ type: 'SubmissionWithdrawn', data: { item, reason: undefined } }]);
  });

  it('refuses once the council has approved', () => {
    given(approved)
      .when(when('WithdrawSubmission', {}, context(hoiku)))
      .thenThrows('INVALID_STATUS');
  });
});
