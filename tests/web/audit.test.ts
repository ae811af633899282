import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BrowserContext, Page } from 'playwright-core';
import { publishWithCorrection, submitAndApproveAll } from './public-published-ward';
import { checkScreen } from './support/checks';
import { CYCLE, FY, WebWorld } from './support/web-world';
import { rewritten } from '../transparency/support/insider-world';

jest.setTimeout(150_000);

const RETURN_COMMENT = '着工の見込み時期を実績に追記してください。';
const CORRECTION = '取組P06の実績の誤記を訂正';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The value of a datetime-local field for an instant, in Japan time, to the second. */
const tokyoInput = (date: Date) => new Date(date.getTime() + 9 * 3_600_000).toISOString().slice(0, 19);

/** The auditor: an item's timeline (council apart from section), the report as known at a time with its differences, verification, exports. */
describe('web: the auditor', () => {
  let world: WebWorld;
  let context: BrowserContext;
  let page: Page;
  let knownAt: Date;
  const problems: string[] = [];

  beforeAll(async () => {
    world = await WebWorld.start();
    const staff = await world.api.as('staff-hoiku');
    const iin = await world.api.as('iin');
    // P06: submitted, returned by the council with a comment, then the rest of the year.
    await staff
      .post(`${CYCLE}/projects/P06/submission`, {
        actual: { text: '着工できず' },
        rating: { scheme: 'nerima', grade: 'B', bReason: 'construction', note: '都営住宅建設工事の着工が遅れたため。' },
      })
      .expect(200);
    await iin.post(`${CYCLE}/projects/P06/review`, { decision: 'return', comments: RETURN_COMMENT }).expect(200);
    await pause(1_100);
    knownAt = new Date();
    await pause(1_100);
    await submitAndApproveAll(world, { P06: '都営住宅の工事が遅れ着工できず。令和9年度に着工の見込み。' });
    await publishWithCorrection(world, {
      projectId: 'P06',
      actual: '都営住宅の工事が遅れ着工できず。令和10年度に着工の見込み。',
      reason: CORRECTION,
    });
    context = await world.context();
    page = await context.newPage();
    await world.signIn(page, 'kansa', `/audit/cycles/${FY}`);
  });
  afterAll(async () => {
    await context?.close();
    await world?.stop();
  });

  it("lists the year's items and offers the year's exports", async () => {
    await page.getByRole('heading', { level: 1, name: '令和8年度（2026年度） 監査：取組・指標' }).waitFor();
    await page.getByRole('link', { name: '上石神井第三保育園の改築による定員増' }).waitFor();
    const csv = await page.request.get(
      (await page.getByRole('link', { name: 'この年度の全記録（CSV）' }).getAttribute('href'))!,
    );
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    await page.getByLabel('絞り込み').fill('P06');
    await page.getByText('34件中 1件を表示').waitFor();
    problems.push(...(await checkScreen(page, 'audit', 'items')));
  });

  it("opens an item's timeline: every event with who, role, when and why, council and section told apart in words", async () => {
    await page.getByRole('link', { name: '上石神井第三保育園の改築による定員増' }).click();
    await page.getByRole('heading', { level: 1, name: '記録：上石神井第三保育園の改築による定員増' }).waitFor();
    const timeline = page.getByRole('list', { name: '時系列の記録' });
    const returned = timeline.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '差戻し' }) });
    await returned.getByText('推進会議', { exact: true }).waitFor();
    await returned.getByText(RETURN_COMMENT, { exact: true }).waitFor();
    await returned.getByText(/iin（区政改革推進会議 委員）/).waitFor();
    await returned.getByText(/令和8年\d+月\d+日 \d{2}:\d{2}:\d{2}（2026-\d{2}-\d{2} 日本時間）/).waitFor();
    const submitted = timeline
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: '提出' }) })
      .first();
    await submitted.getByText('事業実施課', { exact: true }).waitFor();
    await timeline
      .getByText(/^B（工事等の進捗状況により予定変更が生じたもの） 都営住宅建設工事の着工が遅れたため。$/)
      .first()
      .waitFor(); // B's reason in words, not its code
    await timeline
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: '公表後の訂正' }) })
      .getByText(CORRECTION, { exact: true })
      .waitFor();
    await timeline.getByRole('heading', { name: '訂正版の公表' }).waitFor();
    const json = await page.request.get(
      (await page.getByRole('link', { name: 'この項目の記録（JSON）' }).getAttribute('href'))!,
    );
    expect((await json.json()).entries.length).toBeGreaterThanOrEqual(8);
    problems.push(...(await checkScreen(page, 'audit', 'timeline')));
  });

  it('shows the report as known at a chosen time and what changed since', async () => {
    await page.goto(`/audit/cycles/${FY}/as-known`);
    await page.getByRole('heading', { level: 1, name: '令和8年度（2026年度） 指定日時時点の報告' }).waitFor();
    await page.getByLabel('日時（日本時間）').fill(tokyoInput(knownAt));
    await page.getByRole('button', { name: 'この時点の報告を表示' }).click();
    const projects = page.getByRole('region', { name: '取組ごとの差分' });
    const p06 = projects.getByRole('row').filter({ hasText: 'P06' });
    await p06.filter({ hasText: '実績' }).getByText('着工できず', { exact: true }).waitFor();
    await p06
      .filter({ hasText: '実績' })
      .getByText(/令和10年度に着工の見込み/)
      .waitFor();
    await projects.getByRole('row').filter({ hasText: 'P04' }).first().waitFor(); // submitted after that time
    const summary = page.getByRole('region', { name: '集計の差分' });
    await summary.getByRole('rowheader', { name: '評価 A の件数' }).waitFor();
    await page.getByRole('region', { name: '進捗状況ごとの取組数' }).waitFor(); // the report then
    // The rows add up to 合計: the items still unrated then have their own row, and 合計 is named once.
    const [, total, unrated] = (await page.getByText(/^対象の取組 \d+件（うち未評価 \d+件）$/).textContent())!
      .match(/(\d+)件（うち未評価 (\d+)件/)!
      .map(Number);
    expect(unrated).toBeGreaterThan(0);
    const counts = page.getByRole('region', { name: '進捗状況ごとの取組数' });
    const rows = await counts
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent ?? '')));
    const body = rows.filter(([head]) => head !== '合計');
    expect(body.map(([, count]) => parseInt(count, 10)).reduce((a, b) => a + b, 0)).toBe(total);
    expect(body.find(([head]) => head === '未評価')?.[1]).toBe(`${unrated}件`);
    expect(rows.flat().filter((text) => text === '合計')).toHaveLength(1);
    problems.push(...(await checkScreen(page, 'audit', 'as-known')));
  });

  it('names the field when the time is left empty', async () => {
    await page.getByLabel('日時（日本時間）').fill('');
    await page.getByRole('button', { name: 'この時点の報告を表示' }).click();
    const field = page.getByLabel('日時（日本時間）');
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByText('日付と時刻を入力してください。').waitFor();
  });

  it('runs the verification of the history and shows its result', async () => {
    await page.goto('/audit/verification');
    await page.getByRole('button', { name: '検証を実行' }).click();
    await page.getByText('改ざんは見つかりませんでした').waitFor();
    await page.getByText('照合した公表時のチェーン先頭').waitFor();
    problems.push(...(await checkScreen(page, 'audit', 'verification')));
  });

  it('names the altered record when someone changed the history behind the service', async () => {
    const db = new Database(join(world.api.dir, 'events.db'));
    const victim = db
      .prepare(
        "SELECT id, data FROM events WHERE stream = 'evaluation-nerima-2026-project-P06' AND type = 'SubmissionReturned'",
      )
      .get() as { id: string; data: string };
    // The comment is sealed (personal data): rewritten() alters its envelope, and throws if nothing changed.
    db.prepare('UPDATE events SET data = ? WHERE id = ?').run(rewritten(victim.data, '問題なし'), victim.id);
    db.close();
    await page.getByRole('button', { name: '検証を実行' }).click();
    await page.getByText(/^\d+か所で記録の不一致が見つかりました$/).waitFor();
    const breaks = page.getByRole('region', { name: '不一致の一覧' });
    await breaks.getByRole('rowheader', { name: 'evaluation-nerima-2026-project-P06' }).waitFor();
    await breaks.getByText('内容が書き換えられている').first().waitFor();
    await page
      .getByText(/^最初の不一致：evaluation-nerima-2026-project-P06 のリビジョン \d+（内容が書き換えられている）$/)
      .waitFor();
    problems.push(...(await checkScreen(page, 'audit', 'verification-broken')));
  });

  it('has no serious accessibility violation and no sideways scrolling on any audit screen', () => {
    expect(problems).toEqual([]);
  });
});
