import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Live heap held by the data of 20,000 events read in log order from the EventStoreDB adapter (the
 * real client against the fake server), against fresh parses of the same data. Measured in a fresh
 * process (`node --expose-gc`): a jest worker's heap, grown by the suites before, hides the difference.
 */
function heldByEventsReadInOrder(): { shared: number; plain: number } {
  const script = `
    const { startFakeEsdb } = require('./tests/support/fake-esdb/index.ts');
    const { EsdbEventStore } = require('./libs/event-store/src/esdb/esdb-event-store.ts');
    const { randomUUID } = require('node:crypto');
    const data = (i) => ({
      item: { wardId: 'nerima', fiscalYear: 2022, kind: 'project', itemId: 'P01-' + String(i % 400).padStart(3, '0') },
      sectionId: 'sec' + String(i % 40).padStart(3, '0'),
      plan: { asOf: '年度末', targets: ['計206所', '計27園'] },
      actual: { kind: 'project', text: '令和4年度 実施（計' + i + 'か所）、関係機関と調整のうえ前倒しで実施した。' },
    });
    const heap = () => { gc(); gc(); return process.memoryUsage().heapUsed; };
    (async () => {
      const server = await startFakeEsdb();
      const store = EsdbEventStore.connect(server.connectionString);
      for (let s = 0; s < 40; s++) {
        const events = Array.from({ length: 500 }, (_, j) => ({ id: randomUUID(), type: 'ActualSubmitted', data: data(s * 500 + j), metadata: { actor: 'a' } }));
        await store.append('evaluation-' + s, events, { expectedRevision: 'no_stream' });
      }
      const before = heap();
      const shared = [];
      for (let after = 0; ; ) {
        const page = await store.readAll({ after, maxCount: 1000 });
        if (page.length === 0) break;
        for (const event of page) shared.push(event.data);
        after = page[page.length - 1].position;
      }
      const heldShared = heap() - before;
      const plain = shared.map((d) => JSON.parse(JSON.stringify(d)));
      const heldPlain = heap() - before - heldShared;
      console.log(heldShared, heldPlain, shared.length, plain.length);
      await store.close();
      await server.stop();
    })().catch((error) => { console.error(error); process.exit(1); });
  `;
  const output = execFileSync(process.execPath, ['--expose-gc', '-r', '@swc-node/register', '-e', script], {
    cwd: join(__dirname, '../..'),
    encoding: 'utf8',
  });
  const [shared, plain, readCount, plainCount] = output.trim().split('\n').pop()!.split(' ').map(Number);
  expect([readCount, plainCount]).toEqual([20_000, 20_000]);
  return { shared, plain };
}

describe('the EventStoreDB adapter keeps one copy of each short string in the events read in log order', () => {
  it('given 20,000 events read page by page, then their data holds far less memory than fresh parses of it', () => {
    // Per event: `nerima`, `project` (twice), the item and section ids, `年度末` and two targets are
    // copies of values seen before; shared, only the long text and the objects themselves remain.
    const { shared, plain } = heldByEventsReadInOrder();
    expect(shared).toBeLessThan(plain * 0.85);
  }, 120_000);
});
