import type { BrowserContext, Page } from 'playwright-core';
import { checkScreen } from './support/checks';
import { CYCLE, FY, WebWorld } from './support/web-world';

jest.setTimeout(90_000);

const SUBMITTED = [
  { section: 'hoiku', projectId: 'P04', grade: 'A' },
  { section: 'hoiku', projectId: 'P05', grade: 'A' },
  { section: 'hoiku', projectId: 'P07', grade: 'A' },
  { section: 'gakumu', projectId: 'P11', grade: 'A' },
  { section: 'gakumu', projectId: 'P12', grade: 'A' },
  { section: 'gakumu', projectId: 'P13', grade: 'A' },
];

/** A council member through the UI: the queue by plan and section, return one item, approve a selection. */
describe('web: the council path', () => {
  let world: WebWorld;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    world = await WebWorld.start();
    for (const item of SUBMITTED) {
      const staff = await world.api.as(`staff-${item.section}`);
      await staff
        .post(`${CYCLE}/projects/${item.projectId}/submission`, {
          actual: { text: '計画どおり実施した。' },
          rating: { scheme: 'nerima', grade: item.grade },
        })
        .expect(200);
    }
    await (
      await world.api.as('staff-gakumu')
    )
      .post(`${CYCLE}/kpis/K3/submission`, { actual: { value: '81校', asOf: '令和8年度末' } })
      .expect(200);
    context = await world.context();
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await world?.stop();
  });

  it('goes from the home page to the queue, filtered by section', async () => {
    await world.signIn(page, 'iin', '/');
    await page.getByRole('heading', { level: 1, name: '委員 一郎 さん' }).waitFor();
    problems.push(...(await checkScreen(page, 'council', 'home')));
    await page.getByRole('link', { name: '審査待ち一覧を開く' }).click();
    await page.getByRole('heading', { level: 1, name: '令和8年度（2026年度） 審査待ち一覧' }).waitFor();
    const table = page.getByRole('table', { name: /審査待ち一覧/ });
    await table.getByRole('row', { name: /認可保育所 計206所/ }).waitFor();
    await expect(table.getByRole('row').count()).resolves.toBe(SUBMITTED.length + 1 + 1); // + the KPI + the header
    problems.push(...(await checkScreen(page, 'council', 'queue')));

    const sectionFilter = page.getByRole('combobox', { name: '担当課' });
    await sectionFilter.selectOption({ label: '教育委員会事務局 学務課' });
    await expect(table.getByRole('row').count()).resolves.toBe(3 + 1 + 1);
    await sectionFilter.selectOption({ label: 'すべて' });
  });

  it('opens one item with its evidence and history, and returns it with comments', async () => {
    await page.getByRole('link', { name: '認可保育所 計206所' }).click();
    await page.getByRole('heading', { level: 1, name: '認可保育所 計206所' }).waitFor();
    await page.getByRole('region', { name: '事業実施課の報告' }).getByText('計画どおり実施した。').waitFor();
    await page.getByRole('region', { name: '履歴' }).getByText('提出').first().waitFor();
    problems.push(...(await checkScreen(page, 'council', 'review')));
    await page.getByRole('radio', { name: /^差戻し/ }).check({ force: true });
    await page.getByRole('button', { name: '差し戻す' }).click();
    await page.getByText('差戻しのコメントを入力してください。').first().waitFor(); // comments are required
    await page.getByRole('textbox', { name: /差戻しのコメント/ }).fill('新設と定員増の内訳を記載してください。');
    await page.getByRole('button', { name: '差し戻す' }).click();
    await page.getByText('「認可保育所 計206所」を差し戻しました。').waitFor();
    await page
      .getByRole('table', { name: /審査待ち一覧/ })
      .getByRole('row', { name: /延長保育/ })
      .waitFor();
    await expect(
      page
        .getByRole('table', { name: /審査待ち一覧/ })
        .getByRole('row', { name: /認可保育所 計206所/ })
        .count(),
    ).resolves.toBe(0);
    const stored = await (await world.api.as('iin')).get(`${CYCLE}/projects/P04`).expect(200);
    expect(stored.body).toMatchObject({
      status: 'returned',
      returnedComments: '新設と定員増の内訳を記載してください。',
    });
  });

  it('approves a selection in one action with one confirmation, and shows each result', async () => {
    for (const name of ['延長保育 計176所', '不登校対策の見直し', 'ICTを活用した相談・学習支援の実施']) {
      await page.getByRole('checkbox', { name: `「${name}」を選択` }).check();
    }
    await page.getByRole('button', { name: '選択した 3 件を承認' }).click();
    const dialog = page.getByRole('alertdialog', { name: '3 件をまとめて承認しますか' });
    await dialog.getByText('延長保育 計176所').waitFor();
    await dialog.getByRole('button', { name: '3 件を承認する' }).click();
    await page.getByText('3 件を承認しました。承認できなかった項目：0 件').waitFor();
    const iin = await world.api.as('iin');
    for (const id of ['P05', 'P11', 'P12']) {
      await expect(iin.get(`${CYCLE}/projects/${id}`).then((r) => r.body.status)).resolves.toBe('approved');
    }
    await expect(iin.get(`${CYCLE}/projects/P07`).then((r) => r.body.status)).resolves.toBe('submitted');
  });

  it('adjusts a rating with a reason (both required), keeping the section’s rating on record', async () => {
    await page.getByRole('link', { name: '私立保育所等における障害児受入数の拡大' }).click();
    await page.getByRole('heading', { level: 1, name: '私立保育所等における障害児受入数の拡大' }).waitFor();
    await page.getByRole('radio', { name: /^評価を調整して承認/ }).check({ force: true });
    await page.getByRole('radio', { name: /^A\+/ }).check({ force: true });
    await page.getByRole('button', { name: '調整して承認する' }).click();
    await page.getByText('調整の理由を入力してください。').first().waitFor();
    await page.getByText('A+（計画以上）の理由を備考に記入してください。').first().waitFor();
    await page.getByRole('textbox', { name: /^備考/ }).fill('受入枠を計画より20人多く確保した。');
    await page.getByRole('textbox', { name: /^調整の理由/ }).fill('計画を上回る受入数を確保しているため A+ とする。');
    await page.getByRole('button', { name: '調整して承認する' }).click();
    await page.getByText('「私立保育所等における障害児受入数の拡大」の評価を調整しました。').waitFor();
    const stored = await (await world.api.as('iin')).get(`${CYCLE}/projects/P07`).expect(200);
    expect(stored.body).toMatchObject({
      status: 'approved',
      sectionRating: { grade: 'A' },
      councilRating: { grade: 'A+' },
    });
  });

  it('after approving the whole of a filtered section, shows すべて in that filter and the items that remain', async () => {
    await (
      await world.api.as('staff-hoiku')
    )
      .post(`${CYCLE}/projects/P06/submission`, {
        actual: { text: '計画どおり実施した。' },
        rating: { scheme: 'nerima', grade: 'A' },
      })
      .expect(200);
    await (
      await world.api.as('staff-keikaku')
    )
      .post(`${CYCLE}/projects/P24/submission`, {
        actual: { text: '計画どおり実施した。' },
        rating: { scheme: 'nerima', grade: 'A' },
      })
      .expect(200);
    await page.goto(`/cycles/${FY}/council`);
    const table = page.getByRole('table', { name: /審査待ち一覧/ });
    await table.getByRole('row').nth(1).waitFor();
    const plans = await page.getByRole('combobox', { name: '戦略計画' }).getByRole('option').allTextContents();
    expect(plans.map((label) => label.split(' ')[0])).toEqual(['すべて', '1', '4', '12']); // plan codes as numbers
    const sectionFilter = page.getByRole('combobox', { name: '担当課' });
    const sections = await sectionFilter.getByRole('option').allTextContents();
    expect(sections).toEqual(['すべて', 'こども家庭部 保育課', '教育委員会事務局 学務課', '土木部 計画課']); // department, then name, in Japanese order
    await sectionFilter.selectOption({ label: '教育委員会事務局 学務課' });
    await page.getByRole('checkbox', { name: '表示中の項目をすべて選択' }).check();
    await page.getByRole('button', { name: /^選択した \d+ 件を承認$/ }).click();
    await page
      .getByRole('alertdialog')
      .getByRole('button', { name: /件を承認する$/ })
      .click();
    await page.getByText(/件を承認しました。承認できなかった項目：0 件/).waitFor();
    // The result is shown when the approvals are answered; the filter follows the queue's reload after them.
    await sectionFilter.getByRole('option', { name: 'すべて', selected: true }).waitFor({ state: 'attached' });
    await expect(sectionFilter.getByRole('option', { selected: true }).textContent()).resolves.toBe('すべて');
    await table.getByRole('row', { name: /上石神井第三保育園/ }).waitFor();
    await table.getByRole('row', { name: /大江戸線の延伸/ }).waitFor();
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: /2 件中 条件に合う 2 件/ })
        .count(),
    ).resolves.toBe(1);
  });

  it('shows 読み込み中 rather than section ids while the catalogue is still on its way', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/wards/*/catalogue', async (route) => {
      await held;
      await route.continue();
    });
    try {
      await page.goto(`/cycles/${FY}/council`);
      await page.getByRole('status').filter({ hasText: '読み込み中…' }).first().waitFor();
      await page.waitForTimeout(500); // the queue itself has answered by now
      await expect(page.getByRole('table', { name: /審査待ち一覧/ }).count()).resolves.toBe(0);
      await expect(page.getByText(/^(hoiku|gakumu|keikaku)$/).count()).resolves.toBe(0);
      release();
      await page
        .getByRole('table', { name: /審査待ち一覧/ })
        .getByRole('row', { name: /土木部 計画課/ })
        .waitFor();
    } finally {
      release();
      await page.unroute('**/wards/*/catalogue');
    }
  });

  it('has no serious accessibility violation and no sideways scrolling on any of these screens', () => {
    expect(problems).toEqual([]);
    expect(world.pageErrors).toEqual([]);
  });
});
