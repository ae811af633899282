import { context, given, importedRun, reversionStarted, started } from './import-spec-fixtures';

describe('abandoning a batch', () => {
  const abandoned = (batch: 'import' | 'reversion') => ({
    type: 'ImportAbandoned' as const,
    data: { wardId: 'nerima', importId: 'k-1', batch, reason: 'chunks missing', abandonedAt: context.now },
  });

  it('closes an import that was started but never fully recorded', () => {
    given([started])
      .when({ type: 'AbandonBatch', data: { batch: 'import', reason: 'chunks missing' }, context })
      .then([abandoned('import')]);
  });

  it('closes a reversion the same way, which leaves the import completed', () => {
    given([...importedRun, reversionStarted])
      .when({ type: 'AbandonBatch', data: { batch: 'reversion', reason: 'chunks missing' }, context })
      .then([abandoned('reversion')]);
    given([...importedRun, reversionStarted, abandoned('reversion')])
      .when({ type: 'StartReversion', data: { importId: 'k-1', reason: '再度', steps: [] }, context })
      .then([expect.objectContaining({ type: 'ImportReversionStarted' })]);
  });

  it('decides nothing when no batch is open', () => {
    given(importedRun)
      .when({ type: 'AbandonBatch', data: { batch: 'import', reason: 'x' }, context })
      .then([]);
  });
});
