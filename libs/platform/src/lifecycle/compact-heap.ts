import { setFlagsFromString } from 'node:v8';

/**
 * One full, compacting collection. Catching up allocates far more than the read models keep (every
 * event is read, parsed and dropped), and a plain full GC frees the objects but leaves the models
 * scattered over half-empty pages that stay resident. Compacting moves them together so the pages
 * go back to the system (about 25 MB at 1,000,000 events). V8 compacts only where it judges it worth
 * it; the flag makes this one collection compact everything, and is switched off again at once so
 * later full collections keep their short pauses. Needs `node --expose-gc` (npm start, npm run start:worker, the Docker
 * image); without it nothing happens.
 */
export function compactHeap(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return false;
  setFlagsFromString('--compact-on-every-full-gc');
  try {
    gc();
  } finally {
    setFlagsFromString('--no-compact-on-every-full-gc');
  }
  return true;
}
