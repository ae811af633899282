import { importDecider } from '@pdca/importing';
import type { ImportCommand, ImportEvent } from '@pdca/importing';
import type { Actor } from '@pdca/kernel';
import { deciderSpec } from '@pdca/kernel/testing';

const planner: Actor = { userId: 'kikaku', role: 'planning_office', wardId: 'nerima' };
const context = { actor: planner, wardId: 'nerima', now: '2023-04-01T00:00:00.000Z' };
const summary = { importId: 'k-1', files: [], catalogueCommands: 0, records: [] };
const spec = deciderSpec(importDecider);

const started: ImportEvent = {
  type: 'ImportStarted',
  data: { wardId: 'nerima', ...summary, run: 1, actor: planner, chunks: 1, startedAt: context.now },
};
const recorded: ImportEvent = {
  type: 'ImportStepsRecorded',
  data: { wardId: 'nerima', importId: 'k-1', batch: 'import', chunk: 0, steps: [] },
};
const completed: ImportEvent = {
  type: 'ImportCompleted',
  data: { wardId: 'nerima', importId: 'k-1', conflicts: [], completedAt: context.now },
};
const revertStart = (importId: string): ImportCommand => ({
  type: 'StartReversion',
  data: { importId, reason: '誤り', steps: [] },
  context,
});

/** The import stream: one run per import of a set of files, each batch opened and closed once. */
describe('the import run', () => {
  it('starts an import with its steps recorded in chunks', () => {
    const step = {
      stream: 'catalogue-nerima',
      expectedRevision: -1,
      command: { kind: 'catalogue' as const, commands: [] },
    };
    spec
      .given([])
      .when({ type: 'StartImport', data: { summary, steps: [step] }, context })
      .then([started, { type: 'ImportStepsRecorded', data: { ...recorded.data, steps: [step] } }]);
  });

  it('refuses to start another run while one is being applied', () => {
    spec
      .given([started, recorded])
      .when({ type: 'StartImport', data: { summary: { ...summary, importId: 'k-2' }, steps: [] }, context })
      .thenThrows('IMPORT_IN_PROGRESS');
  });

  it('completes a started import once', () => {
    spec
      .given([started, recorded])
      .when({ type: 'CompleteImport', data: { conflicts: [] }, context })
      .then([completed]);
    spec
      .given([started, recorded, completed])
      .when({ type: 'CompleteImport', data: { conflicts: [] }, context })
      .then([]);
  });

  it('reverts a completed import, and a reverted one is done', () => {
    spec
      .given([started, recorded, completed])
      .when(revertStart('k-1'))
      .then([
        {
          type: 'ImportReversionStarted',
          data: {
            wardId: 'nerima',
            importId: 'k-1',
            actor: planner,
            reason: '誤り',
            chunks: 0,
            startedAt: context.now,
          },
        },
      ]);
    spec
      .given([
        started,
        recorded,
        completed,
        {
          type: 'ImportReverted',
          data: { wardId: 'nerima', importId: 'k-1', reason: '誤り', revertedAt: context.now },
        },
      ])
      .when(revertStart('k-1'))
      .then([]);
  });

  it('knows no reversion of an import it never recorded or abandoned', () => {
    spec.given([]).when(revertStart('k-1')).thenThrows('IMPORT_NOT_FOUND');
    spec
      .given([
        started,
        {
          type: 'ImportAbandoned',
          data: { wardId: 'nerima', importId: 'k-1', batch: 'import', reason: 'x', abandonedAt: context.now },
        },
      ])
      .when(revertStart('k-1'))
      .thenThrows('IMPORT_NOT_FOUND');
  });

  it('reverts imports confirmed before batches existed', () => {
    spec
      .given([
        {
          type: 'ImportConfirmed',
          data: { wardId: 'nerima', ...summary, importId: '0123456789abcdef', confirmedAt: context.now },
        },
      ])
      .when(revertStart('0123456789abcdef'))
      .then([expect.objectContaining({ type: 'ImportReversionStarted' }) as never]);
  });

  it("is the planning office's", () => {
    spec
      .given([])
      .when({
        type: 'StartImport',
        data: { summary, steps: [] },
        context: { ...context, actor: { ...planner, role: 'auditor' } },
      })
      .thenThrows('ROLE_NOT_ALLOWED');
  });
});
