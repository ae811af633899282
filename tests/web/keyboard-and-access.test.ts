import type { BrowserContext, Page } from 'playwright-core';
import { PASSWORD } from '../support/api-harness';
import { checkScreen } from './support/checks';
import { CYCLE, FY, WebWorld } from './support/web-world';

jest.setTimeout(90_000);

/** Describes the focused element: its role-ish tag and accessible label, for the keyboard walk. */
const focused = (page: Page) =>
  page.evaluate<string>(`(() => {
  const el = document.activeElement;
  if (!el) return '';
  const labelledBy = (el.getAttribute('aria-labelledby') || '').split(' ').map((id) => document.getElementById(id)?.textContent || '').join(' ');
  const label = el.getAttribute('aria-label') || labelledBy || (el.labels && el.labels[0] ? el.labels[0].textContent : '') || el.textContent || '';
  return el.tagName.toLowerCase() + (el.getAttribute('type') ? '[' + el.getAttribute('type') + ']' : '') + ' ' + label.trim();
})()`);

/** Presses Tab until the focused element matches (at most `limit` presses): proves it is reachable by keyboard. */
async function tabTo(page: Page, pattern: RegExp, limit = 40): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (pattern.test(now)) return;
    seen.push(now);
  }
  throw new Error(`${pattern} not reached by Tab; went through: ${seen.join(' | ')}`);
}

describe('web: keyboard only, roles, sessions, language', () => {
  let world: WebWorld;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    world = await WebWorld.start();
    context = await world.context();
    page = await context.newPage();
  });
  afterAll(async () => {
    expect(world.pageErrors).toEqual([]);
    await context?.close();
    await world?.stop();
  });

  it('opens the sign-in page with no console error (no session probe to answer 401) and a favicon', async () => {
    const fresh = await world.context();
    try {
      const signIn = await fresh.newPage();
      const errors: string[] = [];
      signIn.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      signIn.on('response', (response) => {
        if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
      });
      await signIn.goto('/login');
      await signIn.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
      await signIn.waitForLoadState('networkidle');
      expect(errors).toEqual([]);
      expect((await signIn.request.get('/favicon.ico')).status()).toBe(200);
      expect((await signIn.request.get('/favicon.svg')).status()).toBe(200);
    } finally {
      await fresh.close();
    }
  });

  it('signs in and submits a project with the keyboard alone, with a visible focus', async () => {
    await page.goto(`/login?next=${encodeURIComponent(`/cycles/${FY}/projects/P01`)}`);
    await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    await tabTo(page, /^a .*本文へ移動/); // the skip link comes first
    await tabTo(page, /^input\[text\] ユーザー名/);
    await page.keyboard.type('staff-kosodate');
    await tabTo(page, /^input\[password\] パスワード/);
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: '子育てのひろば 計28か所' }).waitFor();

    await tabTo(page, /^textarea 実績/);
    const outline = await page.evaluate<string>(
      'getComputedStyle(document.activeElement).outlineStyle + " " + getComputedStyle(document.activeElement).outlineWidth',
    );
    expect(outline).not.toMatch(/^none|0px$/);
    await page.keyboard.type('28か所で実施した。');
    await tabTo(page, /^input\[radio\] A\+/);
    await page.keyboard.press('ArrowDown'); // A+ → A, selected as it moves
    await expect(page.getByRole('radio', { name: /^A\s/ }).isChecked()).resolves.toBe(true);
    await tabTo(page, /^button\S* 提出する$/);
    await page.keyboard.press('Enter');
    await page.getByText('提出しました。区政改革推進会議の審査をお待ちください。').waitFor();
    const stored = await (await world.api.as('staff-kosodate')).get(`${CYCLE}/projects/P01`).expect(200);
    expect(stored.body).toMatchObject({
      status: 'submitted',
      actual: { text: '28か所で実施した。' },
      sectionRating: { grade: 'A' },
    });
  });

  it('withdraws the submission before review through the dialog, by keyboard', async () => {
    await tabTo(page, /^button\S* 提出を取り下げる$/);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: '提出を取り下げますか' });
    await dialog.waitFor();
    await tabTo(page, /^textarea 取り下げの理由/);
    await page.keyboard.type('数値を確認するため');
    await tabTo(page, /^button\S* 提出を取り下げる$/);
    await page.keyboard.press('Enter');
    await page.getByText('提出を取り下げました。修正して再提出してください。').waitFor();
    const stored = await (await world.api.as('staff-kosodate')).get(`${CYCLE}/projects/P01`).expect(200);
    expect(stored.body.status).not.toBe('submitted');
  });

  it('shows a clear page, not a blank one, for another role’s address typed by hand', async () => {
    await page.goto(`/cycles/${FY}/council`);
    await page.getByRole('heading', { level: 1, name: 'この画面は利用できません' }).waitFor();
    await page.getByText('「事業実施課」の役割では、この画面を開くことはできません。').waitFor();
    expect(await checkScreen(page, 'section', 'forbidden', { screenshots: false })).toEqual([]);
    // and the navigation never offered it
    await expect(
      page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '審査待ち一覧' }).count(),
    ).resolves.toBe(0);
  });

  it('returns an expired session to sign-in and back to the page it was on', async () => {
    await page.goto(`/cycles/${FY}/inbox`);
    await page.getByRole('heading', { level: 1, name: /提出状況/ }).waitFor();
    await context.clearCookies();
    await page.getByRole('link', { name: '外遊び型子育てのひろば 計8か所' }).click();
    await page.waitForURL(/\/login\?next=/);
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/cycles/${FY}/projects/P02`);
    await page.getByText('ログインの有効期限が切れました').waitFor();
    await page.getByLabel('ユーザー名').fill('staff-kosodate');
    await page.getByLabel('パスワード').fill(PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('heading', { level: 1, name: '外遊び型子育てのひろば 計8か所' }).waitFor();
    // '-' is offered here: nothing is planned for this project this year
    await expect(page.getByRole('radio', { name: /^-/ }).isDisabled()).resolves.toBe(false);
  });

  it('switches to English and back, remembers it, and updates the lang attribute', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Actual and rating' }).waitFor();
    await expect(page.evaluate<string>('document.documentElement.lang')).resolves.toBe('en');
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Actual and rating' }).waitFor();
    await page
      .getByText(/FY2026 \(令和8年度\)/)
      .first()
      .waitFor();
    // English takes ASCII parentheses after a space: "… (Section staff)", never "…（Section staff）".
    await page
      .getByText(/ \(Section staff\)/)
      .first()
      .waitFor();
    await expect(page.locator('body').innerText()).resolves.not.toMatch(/[A-Za-z]（/);
    await page.getByRole('button', { name: '日本語に切り替える' }).click();
    await page.getByRole('heading', { level: 2, name: '実績と評価' }).waitFor();
    await expect(page.evaluate<string>('document.documentElement.lang')).resolves.toBe('ja');
  });
});
