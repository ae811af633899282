import type { EvaluationEvent } from './evaluation.events';
import { actual, context, given, item, kikaku, when } from './evaluation-spec-fixtures';

describe('reverting an imported evaluation', () => {
  const imported: EvaluationEvent = {
    type: 'EvaluationImported',
    data: { item, sectionId: 'hoiku', actual, importId: 'imp-1' },
  };

  it('takes the item back to not started', () => {
    given([imported])
      .when(when('RevertImportedEvaluation', { importId: 'imp-1' }, context(kikaku)))
      .then([{ type: 'EvaluationImportReverted', data: { item, importId: 'imp-1' } }]);
  });

  it("changes nothing when the item is no longer that import's", () => {
    given([imported])
      .when(when('RevertImportedEvaluation', { importId: 'imp-2' }, context(kikaku)))
      .then([]);
  });
});
