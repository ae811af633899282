import {
  context,
  given,
  importedRun,
  recorded,
  reverted,
  reversionStarted,
  started,
  step,
  summary,
} from './import-spec-fixtures';

describe('starting an import', () => {
  it('records the batch in chunks of at most 256 KB before anything is applied', () => {
    // 300 steps of ~1.5 KB: about 450 KB of steps, so two chunks.
    const steps = Array.from({ length: 300 }, (_, i) => ({ ...step(`P${i}`), stream: `${'x'.repeat(1500)}${i}` }));
    given([])
      .when({ type: 'StartImport', data: { summary, steps }, context })
      .then([
        { ...started, data: { ...started.data, chunks: 2 } },
        expect.objectContaining({ type: 'ImportStepsRecorded', data: expect.objectContaining({ chunk: 0 }) }),
        expect.objectContaining({ type: 'ImportStepsRecorded', data: expect.objectContaining({ chunk: 1 }) }),
      ]);
  });

  it('starts the next run of the same files after a reversion', () => {
    given([...importedRun, reversionStarted, reverted])
      .when({ type: 'StartImport', data: { summary, steps: [] }, context })
      .then([{ ...started, data: { ...started.data, run: 2, chunks: 0 } }]);
  });

  it('refuses to start while a run is being applied or reverted', () => {
    const command = { type: 'StartImport' as const, data: { summary, steps: [] }, context };
    given([started, recorded]).when(command).thenThrows('IMPORT_IN_PROGRESS');
    given([...importedRun, reversionStarted])
      .when(command)
      .thenThrows('IMPORT_IN_PROGRESS');
  });

  it('lets only the planning office import', () => {
    const staff = { userId: 'hoiku-1', role: 'section_staff' as const, wardId: 'nerima', sectionId: 'hoiku' };
    given([])
      .when({ type: 'StartImport', data: { summary, steps: [] }, context: { ...context, actor: staff } })
      .thenThrows('ROLE_NOT_ALLOWED');
  });
});
