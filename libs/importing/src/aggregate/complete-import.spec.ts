import { completed, context, given, importedRun, recorded, started } from './import-spec-fixtures';

describe('completing an import', () => {
  const conflict = { stream: 'evaluation-x', code: 'INVALID_STATUS', messageJa: '承認済み', messageEn: 'approved' };

  it('completes a started import with the steps others made it skip', () => {
    given([started, recorded])
      .when({ type: 'CompleteImport', data: { conflicts: [conflict] }, context })
      .then([{ type: 'ImportCompleted', data: { ...completed.data, conflicts: [conflict] } }]);
  });

  it('decides nothing once completed, or when nothing was started', () => {
    given(importedRun)
      .when({ type: 'CompleteImport', data: { conflicts: [] }, context })
      .then([]);
    given([])
      .when({ type: 'CompleteImport', data: { conflicts: [] }, context })
      .then([]);
  });
});
