import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Runs `script` in a child started as the API is (`node --expose-gc`), answering the new space's size in MB. */
function newSpaceAfter(script: string): { grown: number; after: number } {
  const output = execFileSync(process.execPath, ['--expose-gc', '-r', '@swc-node/register', '-e', script], {
    cwd: join(__dirname, '../../../..'),
    encoding: 'utf8',
  });
  return JSON.parse(output.trim().split('\n').pop()!) as { grown: number; after: number };
}

const CHILD = (compact: boolean) => `
  const { getHeapSpaceStatistics } = require('node:v8');
  const { compactHeap } = require('./libs/platform/src/lifecycle/compact-heap.ts');
  const newSpaceMb = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576;
  // A catch-up's allocation pattern: many short-lived objects, some kept for a while.
  let kept = [];
  for (let i = 0; i < 3e6; i++) { kept.push({ position: i, type: 'x' + i }); if (kept.length > 200000) kept = []; }
  kept = [];
  const grown = newSpaceMb();
  ${compact ? 'compactHeap();' : 'gc();'}
  console.log(JSON.stringify({ grown, after: newSpaceMb() }));
`;

describe('compacting the heap after a catch-up gives the young generation back', () => {
  it('given a young generation grown by a catch-up, when the heap is compacted, then it shrinks to a few MB', () => {
    const { grown, after } = newSpaceAfter(CHILD(true));
    expect(grown).toBeGreaterThanOrEqual(16);
    expect(after).toBeLessThanOrEqual(4);
  });

  it('a plain full collection would have kept it (why compactHeap asks for a memory-reducing one)', () => {
    const { grown, after } = newSpaceAfter(CHILD(false));
    expect(after).toBe(grown);
  });
});
