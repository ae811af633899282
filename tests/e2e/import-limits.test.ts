import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { IMPORT_MAX_ROWS, LISTED_ERRORS, ROWS_PER_COLUMN } from '@pdca/importing';
import { ApiHarness } from '../support/api-harness';

const W = '/wards/nerima';
const HEADER =
  '取組ID,戦略計画,項目番号,項目名,取組名,事業実施部,事業実施課,再掲元,短期評価対象外,年度,目標,前年度末の現況,当初計画,実績,進捗状況,Bの内訳,備考';
/** Every row refers to a plan that does not exist and has a rating that is not one: errors on every row. */
const badRows = (count: number) =>
  [
    HEADER,
    ...Array.from(
      { length: count },
      (_, i) => `P${String(i).padStart(6, '0')},99,1,項目,取組${i},部,課,,,2022,目標,現況,計画,実績,Z,,`,
    ),
  ].join('\n') + '\n';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
// Off again at once: with the flag on, every later test file in this jest worker got a global gc, so
// each API started in-process ran compactHeap's memory-reducing collections over the worker's whole
// heap (GBs), and three suites' start-up ran out of time in a CI rehearsal on Node 26.
setFlagsFromString('--no-expose-gc');
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1_048_576;
};

/**
 * Issue 10: a preview of a 100,000-row CSV (8 MB) answered 107 MB and grew the API by 1 GB. Now an
 * upload holds at most IMPORT_MAX_ROWS rows (a clear 422 naming the limit), and a file that is wrong
 * on every row gets a bounded answer: the first errors listed, all of them counted per column.
 */
describe('import previews are bounded', () => {
  let api: ApiHarness;
  let token = '';
  beforeAll(async () => {
    api = await ApiHarness.start([{ username: 'kikaku', role: 'planning_office' }]);
    token = await api.token('kikaku');
  });
  afterAll(() => api.stop());

  const preview = (csv: string) =>
    api.http
      .post(`${W}/imports/previews`)
      .set('Authorization', `Bearer ${token}`)
      .attach('files', Buffer.from(csv), 'projects.csv');

  it('refuses 100,000 rows with a short, clear error, four at a time, and gives the memory back', async () => {
    const huge = badRows(100_000);
    expect(Buffer.byteLength(huge)).toBeGreaterThan(7_000_000);
    const before = heapMb();
    const answers = await Promise.all(Array.from({ length: 4 }, () => preview(huge)));
    for (const answer of answers) {
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({
        code: 'IMPORT_TOO_MANY_ROWS',
        field: 'files',
        details: { limit: IMPORT_MAX_ROWS },
      });
      expect(answer.body.message.ja).toContain('5,000');
      expect(answer.text.length).toBeLessThan(2_000);
    }
    expect(heapMb() - before).toBeLessThan(50);
    const confirm = await api.http
      .post(`${W}/imports`)
      .set('Authorization', `Bearer ${token}`)
      .attach('files', Buffer.from(huge), 'projects.csv');
    expect(confirm.status).toBe(422);
  }, 120_000);

  it('answers a file wrong on every row of the limit with the first errors and a summary per column', async () => {
    const answer = await preview(badRows(IMPORT_MAX_ROWS)).expect(201);
    expect(answer.body.valid).toBe(false);
    expect(answer.body.errorCount).toBeGreaterThanOrEqual(2 * IMPORT_MAX_ROWS);
    expect(answer.body.errors).toHaveLength(LISTED_ERRORS);
    const plan = answer.body.errorsByColumn.find((c: { column: string }) => c.column === '戦略計画');
    expect(plan).toMatchObject({ table: '取組', code: 'PLAN_UNKNOWN', count: IMPORT_MAX_ROWS });
    expect(plan.rows).toEqual(Array.from({ length: ROWS_PER_COLUMN }, (_, i) => i + 2));
    expect(answer.text.length).toBeLessThan(200_000);

    const head = async () => (await api.http.get('/health/ready')).body.details.eventStore.head as number;
    const before = await head();
    const refused = await api.http
      .post(`${W}/imports`)
      .set('Authorization', `Bearer ${token}`)
      .attach('files', Buffer.from(badRows(IMPORT_MAX_ROWS)), 'projects.csv')
      .expect(422);
    expect(refused.body).toMatchObject({ code: 'IMPORT_INVALID', details: { errorCount: answer.body.errorCount } });
    expect(refused.text.length).toBeLessThan(200_000);
    expect(await head()).toBe(before);
  }, 60_000);
});
