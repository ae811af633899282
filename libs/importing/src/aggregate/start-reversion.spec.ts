import { context, given, importedRun, recorded, reversionStarted, started, step } from './import-spec-fixtures';

describe('starting a reversion', () => {
  const revert = (steps = [step('P01-001')]) => ({
    type: 'StartReversion' as const,
    data: { importId: 'k-1', reason: '誤り', steps },
    context,
  });

  it('records the compensating steps of a completed import', () => {
    given(importedRun)
      .when(revert())
      .then([
        { ...reversionStarted, data: { ...reversionStarted.data, chunks: 1 } },
        {
          type: 'ImportStepsRecorded',
          data: { wardId: 'nerima', importId: 'k-1', batch: 'reversion', chunk: 0, steps: [step('P01-001')] },
        },
      ]);
  });

  it('decides nothing for a reversion already under way', () => {
    given([...importedRun, reversionStarted])
      .when(revert())
      .then([]);
  });

  it('refuses while the import itself is still being applied', () => {
    given([started, recorded]).when(revert()).thenThrows('IMPORT_IN_PROGRESS');
  });

  it('knows no import of another id', () => {
    given(importedRun)
      .when({ ...revert(), data: { ...revert().data, importId: 'k-9' } })
      .thenThrows('IMPORT_NOT_FOUND');
  });
});
