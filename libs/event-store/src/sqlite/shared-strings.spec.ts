import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SharedStrings } from './shared-strings';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** An event's data as the log holds it: short identifiers and kinds, one long text. */
const eventJson = (i: number) =>
  JSON.stringify({
    item: { wardId: 'nerima', fiscalYear: 2022, kind: 'project', itemId: `P01-${String(i % 400).padStart(3, '0')}` },
    sectionId: `sec${String(i % 40).padStart(3, '0')}`,
    plan: { asOf: '年度末', targets: ['計206所', '計27園'] },
    actual: { kind: 'project', text: `令和4年度 実施（計${i}か所）、関係機関と調整のうえ前倒しで実施した。` },
  });

/** Live heap held by `count` parsed events, after full collections. */
function heldBy(count: number, share?: SharedStrings): number {
  collect();
  const before = process.memoryUsage().heapUsed;
  const kept = Array.from({ length: count }, (_, i) => {
    const data: unknown = JSON.parse(eventJson(i));
    share?.shareIn(data);
    return data;
  });
  collect();
  const held = process.memoryUsage().heapUsed - before;
  expect(kept).toHaveLength(count);
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
    const unshared = heldBy(50_000);
    const shared = heldBy(50_000, new SharedStrings());
    expect(shared).toBeLessThan(unshared * 0.85);
  });

  it('leaves what is not a string as it is: numbers, booleans, null, nested arrays', () => {
    const data = { a: [1, true, null, ['sec001', { b: 'kpi' }]], c: 2.5 };
    new SharedStrings().shareIn(data);
    expect(data).toEqual({ a: [1, true, null, ['sec001', { b: 'kpi' }]], c: 2.5 });
  });
});
