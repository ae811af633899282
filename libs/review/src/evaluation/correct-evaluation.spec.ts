import type { NerimaRating } from '../rating/rating';
import { approved, given, item, kikaku, when, withCycle } from './evaluation-spec-fixtures';

describe('correcting an evaluation after publication', () => {
  const rating: NerimaRating = { scheme: 'nerima', grade: 'B', bReason: 'other', note: '集計誤り' };

  it('accepts a correction with a reason from the planning office', () => {
    given(approved)
      .when(when('CorrectEvaluation', { rating, reason: '集計誤りの訂正' }, withCycle(kikaku, 'published')))
      .then([{ type: 'EvaluationCorrected', data: { item, rating, reason: '集計誤りの訂正' } }]);
  });

  it('corrects only a published cycle', () => {
    given(approved)
      .when(when('CorrectEvaluation', { rating, reason: '集計誤りの訂正' }, withCycle(kikaku, 'closed')))
      .thenThrows('CYCLE_NOT_PUBLISHED');
  });

  it('needs something to correct', () => {
    given(approved)
      .when(when('CorrectEvaluation', { reason: '集計誤りの訂正' }, withCycle(kikaku, 'published')))
      .thenThrows('FIELD_REQUIRED');
  });
});
