import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { SharedStrings } from './shared-strings';

/** An event's data as the log holds it: short identifiers and kinds, one long text. */
const eventJson = (i: number) =>
  JSON.stringify({
    item: { wardId: 'nerima', fiscalYear: 2022, kind: 'project', itemId: `P01-${String(i % 400).padStart(3, '0')}` },
    sectionId: `sec${String(i % 40).padStart(3, '0')}`,
    plan: { asOf: '年度末', targets: ['計206所', '計27園'] },
    actual: { kind: 'project', text: `令和4年度 実施（計${i}か所）、関係機関と調整のうえ前倒しで実施した。` },
  });

/**
 * Live heap held by 50,000 parsed events, measured in a fresh process (`node --expose-gc`): a jest
 * worker's heap, grown by the suites before, made the difference unreadable.
 */
function heldBy(share: boolean): number {
  const script = `
    const { SharedStrings } = require('./libs/event-store/src/shared-strings.ts');
    const eventJson = ${eventJson.toString()};
    const pool = new SharedStrings();
    gc(); gc();
    const before = process.memoryUsage().heapUsed;
    const kept = Array.from({ length: 50000 }, (_, i) => {
      const data = JSON.parse(eventJson(i));
      ${share ? 'pool.shareIn(data);' : ''}
      return data;
    });
    gc(); gc();
    console.log(process.memoryUsage().heapUsed - before, kept.length);
  `;
  const output = execFileSync(process.execPath, ['--expose-gc', '-r', '@swc-node/register', '-e', script], {
    cwd: join(__dirname, '../../..'),
    encoding: 'utf8',
  });
  const [held, kept] = output.trim().split('\n').pop()!.split(' ').map(Number);
  expect(kept).toBe(50_000);
  return held;
}

describe('the store keeps one copy of each short string in the events the read models keep', () => {
  it('given parsed events, when their strings are shared, then every value is the same as before', () => {
    const data = JSON.parse(eventJson(7)) as unknown;
    const shared = JSON.parse(eventJson(7)) as unknown;
    new SharedStrings().shareIn(shared);
    expect(shared).toEqual(data);
  });

  it('given 50,000 parsed events, when their short strings are shared, then they hold far less memory', () => {
    // Per event: two `project`, `nerima`, the item and section ids, `年度末` and two targets are
    // copies of values seen before; shared, only the long text and the objects themselves remain.
    expect(heldBy(true)).toBeLessThan(heldBy(false) * 0.85);
  });

  it('leaves what is not a string as it is: numbers, booleans, null, nested arrays', () => {
    const data = { a: [1, true, null, ['sec001', { b: 'kpi' }]], c: 2.5 };
    new SharedStrings().shareIn(data);
    expect(data).toEqual({ a: [1, true, null, ['sec001', { b: 'kpi' }]], c: 2.5 });
  });
});
