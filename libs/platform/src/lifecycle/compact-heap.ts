import { setFlagsFromString } from 'node:v8';

/** V8's `gc()` with options (node --expose-gc); `last-resort` is a collection that reduces memory. */
type GcFunction = (options?: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

/**
 * One full, compacting collection that also gives back the young generation. Catching up allocates
 * far more than the read models keep (every event is read, parsed and dropped), and a plain full GC
 * frees the objects but leaves the models scattered over half-empty pages that stay resident.
 * Compacting moves them together so the pages go back to the system (about 25 MB at 1,000,000
 * events). V8 compacts only where it judges it worth it; the flag makes this one collection compact
 * everything, and is switched off again at once so later full collections keep their short pauses.
 * The `last-resort` flavour is V8's memory-reducing collection: it also shrinks the young generation,
 * which catching up grew to its maximum (the API runs with a large one for throughput under load, see
 * infra/scripts/start.js) and which a plain `gc()` leaves committed. Needs `node --expose-gc`
 * (npm start, npm run start:worker, the Docker image); without it nothing happens.
 */
export function compactHeap(): boolean {
  const gc = (globalThis as { gc?: GcFunction }).gc;
  if (!gc) return false;
  setFlagsFromString('--compact-on-every-full-gc');
  try {
    gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  } finally {
    setFlagsFromString('--no-compact-on-every-full-gc');
  }
  return true;
}
