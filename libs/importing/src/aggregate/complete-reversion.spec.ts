import { context, given, importedRun, later, reversionStarted, reverted } from './import-spec-fixtures';

describe('completing a reversion', () => {
  it('marks the import reverted, with the reason given when the reversion started', () => {
    given([...importedRun, reversionStarted])
      .when({ type: 'CompleteReversion', data: { conflicts: [] }, context: later })
      .then([reverted]);
  });

  it('decides nothing once reverted, or when no reversion was started', () => {
    given([...importedRun, reversionStarted, reverted])
      .when({ type: 'CompleteReversion', data: { conflicts: [] }, context })
      .then([]);
    given(importedRun)
      .when({ type: 'CompleteReversion', data: { conflicts: [] }, context })
      .then([]);
  });
});
