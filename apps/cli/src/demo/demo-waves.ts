import type { DemoStep } from './demo-step';

/** Enough concurrent commands to fill the store's commit groups, few enough to keep memory flat. */
const WAVE_SIZE = 64;

/**
 * Cuts the chronological steps into waves that may run concurrently: evaluations of distinct items
 * (one stream each). Catalogue and cycle commands run alone, so everything after them sees their
 * effect (items need an open cycle, publishing needs every approval), and an item's second command
 * starts a new wave, so it always follows its first.
 */
export function demoWaves(steps: DemoStep[]): DemoStep[][] {
  const waves: DemoStep[][] = [];
  let wave: DemoStep[] = [];
  let streams = new Set<string>();
  const cut = () => {
    if (wave.length > 0) waves.push(wave);
    wave = [];
    streams = new Set();
  };
  for (const step of steps) {
    if (step.kind !== 'evaluation') {
      cut();
      waves.push([step]);
      continue;
    }
    const stream = `${step.ref.fiscalYear}/${step.ref.kind}/${step.ref.itemId}`;
    if (streams.has(stream) || wave.length >= WAVE_SIZE) cut();
    wave.push(step);
    streams.add(stream);
  }
  cut();
  return waves;
}
