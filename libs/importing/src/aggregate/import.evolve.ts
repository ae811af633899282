import { assertNever } from '@pdca/kernel';
import type { ImportEvent } from './import.events';
import type { ImportRun, ImportStreamState } from './import.state';

/** Returns a new state: the runs before the current one never change. */
export function evolveImport(state: ImportStreamState, event: ImportEvent): ImportStreamState {
  const runs = state.runs.slice(0, -1);
  const current = state.runs[state.runs.length - 1];
  const replaceCurrent = (run: ImportRun): ImportStreamState => ({ runs: [...runs, run] });
  switch (event.type) {
    case 'ImportStarted': {
      const { wardId: _w, run, actor, chunks, startedAt: _s, ...summary } = event.data;
      return {
        runs: [
          ...state.runs,
          { status: 'started', run, summary, batch: { actor, chunks, recordedChunks: 0, steps: [] } },
        ],
      };
    }
    case 'ImportStepsRecorded': {
      if (!current) return state;
      const batch =
        event.data.batch === 'import' ? current.batch : current.status === 'reverting' ? current.reversion : undefined;
      if (!batch) return state;
      const grown = {
        ...batch,
        recordedChunks: batch.recordedChunks + 1,
        steps: [...batch.steps, ...event.data.steps],
      };
      if (event.data.batch === 'import') return replaceCurrent({ ...current, batch: grown });
      return current.status === 'reverting'
        ? replaceCurrent({ ...current, reversion: { ...current.reversion, ...grown } })
        : state;
    }
    case 'ImportCompleted':
      return current
        ? replaceCurrent({ status: 'completed', run: current.run, summary: current.summary, batch: current.batch })
        : state;
    case 'ImportAbandoned':
      if (!current) return state;
      // An abandoned reversion leaves the import as it was: completed.
      return replaceCurrent({
        status: event.data.batch === 'import' ? 'abandoned' : 'completed',
        run: current.run,
        summary: current.summary,
        batch: current.batch,
      });
    case 'ImportReversionStarted': {
      if (!current) return state;
      const { actor, chunks, reason } = event.data;
      return replaceCurrent({
        status: 'reverting',
        run: current.run,
        summary: current.summary,
        batch: current.batch,
        reversion: { actor, chunks, recordedChunks: 0, steps: [], reason },
      });
    }
    case 'ImportReverted':
      return current
        ? replaceCurrent({ status: 'reverted', run: current.run, summary: current.summary, batch: current.batch })
        : state;
    case 'ImportConfirmed': {
      const { importId, files, catalogueCommands, records } = event.data;
      return {
        runs: [
          ...state.runs,
          { status: 'completed', run: 1, summary: { importId, files, catalogueCommands, records } },
        ],
      };
    }
    default:
      return assertNever(event, 'import event');
  }
}
