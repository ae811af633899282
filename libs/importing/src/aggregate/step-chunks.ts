import type { BatchStep } from '../batch/import-batch';
import type { BatchKind, ImportEvent } from './import.events';

/** Steps per ImportStepsRecorded event: chunks stay far below EventStoreDB's 1 MB per append. */
const CHUNK_BYTES = 256 * 1024;

/** A batch's steps in chunks of at most CHUNK_BYTES of JSON (a bigger single step is a chunk of its own). */
function chunkSteps(steps: BatchStep[]): BatchStep[][] {
  const chunks: BatchStep[][] = [];
  let bytes = Infinity;
  for (const step of steps) {
    const size = Buffer.byteLength(JSON.stringify(step));
    if (bytes + size > CHUNK_BYTES) {
      chunks.push([]);
      bytes = 0;
    }
    chunks[chunks.length - 1].push(step);
    bytes += size;
  }
  return chunks;
}

/** The events that record a batch's steps, one per chunk: their number is the `chunks` its opening event announces. */
export const stepsRecorded = (
  at: { wardId: string; importId: string },
  batch: BatchKind,
  steps: BatchStep[],
): ImportEvent[] =>
  chunkSteps(steps).map((chunkOfSteps, chunk) => ({
    type: 'ImportStepsRecorded',
    data: { ...at, batch, chunk, steps: chunkOfSteps },
  }));
