import type { EvaluationEvent } from './evaluation.events';
import { context, council, given, item, submitted, when } from './evaluation-spec-fixtures';

describe('returning a submission', () => {
  it('returns with comments for the section', () => {
    const returned: EvaluationEvent = {
      type: 'SubmissionReturned',
      data: { item, comments: '実績の内訳を記載してください' },
    };
    given(submitted)
      .when(when('ReturnSubmission', { comments: returned.data.comments }, context(council)))
      .then([returned]);
  });

  it('needs comments', () => {
    given(submitted)
      .when(when('ReturnSubmission', { comments: '  ' }, context(council)))
      .thenThrows('FIELD_REQUIRED');
  });

  it('reviews only submitted items', () => {
    given([])
      .when(when('ReturnSubmission', { comments: '根拠資料を添付してください' }, context(council)))
      .thenThrows('INVALID_STATUS');
  });
});
