import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { checkScreen } from './support/checks';
import { publishWithCorrection, submitAndApproveAll } from './public-published-ward';
import { WebWorld } from './support/web-world';

jest.setTimeout(120_000);

const CORRECTION = '取組P04の実績の誤記を訂正';

/** The public, without signing in: the ward's published reports, a report as pages, its versions, the PDF. */
describe('web: the public reads the published report', () => {
  let world: WebWorld;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  const serverErrors: string[] = [];

  beforeAll(async () => {
    world = await WebWorld.start();
    await submitAndApproveAll(world, { P04: '9所（定員458人）【計206所】', P06: '都営住宅の工事が遅れ着工できず' });
    await publishWithCorrection(world, { projectId: 'P04', actual: '9所（定員485人）【計206所】', reason: CORRECTION });
    context = await world.context();
    page = await context.newPage();
    page.on('response', (response) => {
      if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.url()}`);
    });
  });
  afterAll(async () => {
    await context?.close();
    await world?.stop();
  });

  it("lists the ward's published reports by year, with every version and the reason of each correction", async () => {
    await page.goto('/reports/nerima');
    await page.getByRole('heading', { level: 1, name: '練馬区の公表済み報告書' }).waitFor();
    await page.getByRole('heading', { level: 2, name: '令和8年度（2026年度）の報告書' }).waitFor();
    await page.getByRole('link', { name: '第1版' }).waitFor();
    await page.getByText(`訂正の理由：${CORRECTION}`).waitFor();
    await expect(page.getByRole('button', { name: 'ログアウト' }).count()).resolves.toBe(0); // no staff header
    // Each version's fingerprint as the API lists it (and its appendix prints it), and the ward's correction feed.
    const listed = (await (await page.request.get('/public/wards/nerima/reports')).json()) as Array<{
      versions: Array<{ fingerprint: string }>;
    }>;
    const shown = await page.locator('code').allTextContents();
    expect(shown).toEqual(listed.flatMap((year) => year.versions.map((v) => v.fingerprint)));
    expect(shown.every((value) => /^sha256:[0-9a-f]{64}$/.test(value))).toBe(true);
    const feed = await page.getByRole('link', { name: '練馬区の訂正のフィード（Atom）' }).getAttribute('href');
    const atom = await page.request.get(feed!);
    expect(atom.status()).toBe(200);
    expect(await atom.text()).toContain(CORRECTION);
    problems.push(...(await checkScreen(page, 'public', 'list')));
  });

  it('opens the latest report as pages: the summary table and its chart, then a plan with its tables', async () => {
    await page.getByRole('link', { name: '令和8年度（2026年度）の報告書を読む（第2版・最新）' }).click();
    await page.getByRole('heading', { level: 1, name: '練馬区 令和8年度（2026年度） 進捗状況報告書' }).waitFor();
    await page.getByText(`訂正の理由：${CORRECTION}`).first().waitFor();
    const summary = page.getByRole('region', { name: '進捗状況ごとの取組数' });
    await expect(summary.getByRole('rowheader', { name: 'A', exact: true }).count()).resolves.toBe(1);
    await page.getByRole('img', { name: /グラフ：進捗状況ごとの取組数/ }).waitFor();
    await page.getByRole('link', { name: '第1版' }).waitFor();
    problems.push(...(await checkScreen(page, 'public', 'report')));
    // On a phone every column of the summary table is in view: it fits rather than scrolls.
    await page.setViewportSize({ width: 390, height: 844 });
    const fits = await summary.evaluate((box) => box.scrollWidth <= box.clientWidth);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(fits).toBe(true);

    await page
      .getByRole('navigation', { name: '報告書のページ' })
      .getByRole('link', { name: /^戦略計画1 / })
      .click();
    await page.getByRole('heading', { level: 2, name: /^戦略計画1 子育てのかたち/ }).waitFor();
    const projects = page.getByRole('region', { name: '戦略計画1の取組' });
    await projects.getByText('9所（定員485人）【計206所】').waitFor(); // the corrected actual
    await projects.getByText('都営住宅の工事が遅れ着工できず').waitFor();
    await page
      .getByRole('region', { name: '戦略計画1の成果指標' })
      .getByText('認可保育所の増設（アウトプット）')
      .waitFor();
    problems.push(...(await checkScreen(page, 'public', 'plan')));
  });

  it('downloads the PDF', async () => {
    await page.getByRole('navigation', { name: '報告書のページ' }).getByRole('link', { name: '集計表' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'PDF（印刷用）' }).click(),
    ]);
    const path = await download.path();
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10_000);
    const trace = [
      '集計表の数の根拠（取組と評価の記録）',
      'オープンデータ（機械判読用 Excel・定義・コード表）',
      '訂正のフィード（Atom）',
    ];
    for (const name of [
      'Excel（xlsx）',
      'CSV：集計表',
      'CSV：取組の表',
      'CSV：指標の表',
      'JSON（オープンデータ）',
      'HTML（1ページ版）',
      ...trace,
    ]) {
      const href = await page.getByRole('link', { name }).getAttribute('href');
      const response = await page.request.get(href!);
      expect([name, response.status()]).toEqual([name, 200]);
    }
  });

  it('opens the first version, says it was corrected since, and links to the latest', async () => {
    await page.getByRole('link', { name: '第1版' }).first().click();
    await page.getByText('これは訂正前の第1版です').waitFor();
    await page
      .getByRole('navigation', { name: '報告書のページ' })
      .getByRole('link', { name: /^戦略計画1 / })
      .click();
    await page.getByRole('region', { name: '戦略計画1の取組' }).getByText('9所（定員458人）【計206所】').waitFor(); // as first published
    problems.push(...(await checkScreen(page, 'public', 'version', { screenshots: false })));
    await page.getByRole('link', { name: '最新の第2版を読む' }).click();
    await page.getByText('第2版　公表日：', { exact: false }).waitFor();
  });

  it('switches to English', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: /Nerima City progress report, FY2026/ }).waitFor();
    await page.getByRole('button', { name: '日本語に切り替える' }).click();
  });

  it('has no serious accessibility violation and no sideways scrolling on any public screen, and no server error', () => {
    expect(problems).toEqual([]);
    expect(serverErrors).toEqual([]);
  });
});
