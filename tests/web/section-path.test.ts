import type { BrowserContext, Page } from 'playwright-core';
import { checkScreen } from './support/checks';
import { CYCLE, FY, WebWorld } from './support/web-world';

jest.setTimeout(90_000);

/** Section staff through the UI: sign in from the reminder link, fill, autosave, submit; fix what the council returned. */
describe('web: the section path', () => {
  let world: WebWorld;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  const project = '上石神井第三保育園の改築による定員増';

  beforeAll(async () => {
    world = await WebWorld.start();
    context = await world.context();
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await world?.stop();
  });

  it('opens the reminder e-mail link, signs in, and lands on the inbox it pointed to', async () => {
    await page.goto(`/cycles/${FY}/inbox`);
    await page.waitForURL(/\/login\?next=/);
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/cycles/${FY}/inbox`);
    problems.push(...(await checkScreen(page, 'section', 'login')));
    await page.getByLabel('ユーザー名').fill('staff-hoiku');
    await page.getByLabel('パスワード').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.waitForURL(`**/cycles/${FY}/inbox`);
    await page.getByRole('heading', { level: 1, name: '令和8年度（2026年度） 提出状況' }).waitFor();
    await page.getByText(/締切まであと \d+ 日/).waitFor();
    const due = page.getByRole('region', { name: '提出予定' });
    await due.getByRole('link', { name: project }).waitFor();
    problems.push(...(await checkScreen(page, 'section', 'inbox')));
  });

  it('fills the project beside its plan, sees the draft saved automatically, and submits it', async () => {
    await page.getByRole('link', { name: project }).click();
    await page.getByRole('heading', { level: 1, name: project }).waitFor();
    await page.getByText('9所（定員485人）の整備').waitFor(); // this year's plan beside the form
    await page
      .getByRole('textbox', { name: /^実績/ })
      .fill('都営住宅の建設工事の着工が遅れ、改築工事に着手できなかった。');
    await page.getByRole('radio', { name: /^B/ }).check({ force: true }); // react-aria hides the native input visually; the label takes the click
    await page.getByRole('button', { name: /B の内訳/ }).click();
    await page.getByRole('option', { name: '工事等の進捗状況により予定変更が生じたもの' }).click();
    await page.getByLabel('備考').fill('都営住宅建設工事の着工が遅れたため。');
    await page.getByRole('status').filter({ hasText: '下書きを保存しました' }).waitFor();
    problems.push(...(await checkScreen(page, 'section', 'form')));

    await page.reload();
    await expect(page.getByRole('textbox', { name: /^実績/ }).inputValue()).resolves.toContain('着工が遅れ');
    await expect(page.getByRole('radio', { name: /^B/ }).isChecked()).resolves.toBe(true);

    await page.getByRole('button', { name: '提出する' }).click();
    await page.getByText('提出しました。区政改革推進会議の審査をお待ちください。').waitFor();
    await page.getByText('提出済み（審査待ち）').first().waitFor();
    const stored = await (await world.api.as('staff-hoiku')).get(`${CYCLE}/projects/P06`).expect(200);
    expect(stored.body).toMatchObject({
      status: 'submitted',
      actual: { text: expect.stringContaining('着工が遅れ') },
      sectionRating: { grade: 'B', bReason: 'construction' },
    });
  });

  it('shows the rules where they apply: B needs a note, and the message sits under its field', async () => {
    await page.goto(`/cycles/${FY}/projects/P09`);
    await page.getByRole('textbox', { name: /^実績/ }).fill('ツールを再検討した。');
    await page.getByRole('radio', { name: /^B/ }).check({ force: true }); // react-aria hides the native input visually; the label takes the click
    const draftAnswered = page.waitForResponse(
      (response) => response.request().method() === 'PUT' && response.url().endsWith('/projects/P09/draft'),
    );
    await page.getByRole('button', { name: '提出する' }).click();
    const note = page.getByLabel('備考');
    await expect(note.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = (await note.getAttribute('aria-describedby')) ?? '';
    const descriptions = await Promise.all(
      describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    expect(descriptions.join(' ')).toContain('B（遅れや修正）の理由を備考に記入してください。');
    // The draft save still pending from the last change answers after the submit: the errors stay.
    await draftAnswered;
    await page.waitForTimeout(300);
    await expect(note.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByText('B（遅れや修正）の理由を備考に記入してください。').count()).resolves.toBeGreaterThan(0);
    // Typing in that field answers its error; the others stay until their own field changes.
    await note.fill('ツールの選定をやり直したため。');
    await expect(note.getAttribute('aria-invalid')).resolves.not.toBe('true');
    // The server's refusal names the field by its label, not by the API's name ("rating.note が長すぎます。").
    await note.fill('あ'.repeat(2_001));
    await page.getByText('「備考」が長すぎます。').first().waitFor();
    await expect(page.getByText(/rating\.note/).count()).resolves.toBe(0);
    await note.fill('ツールの選定をやり直したため。');
    await expect(page.getByRole('radio', { name: /^-/ }).isDisabled()).resolves.toBe(true); // this project has a plan this year
  });

  it('sees the council’s return comments, fixes the item and submits it again', async () => {
    const iin = await world.api.as('iin');
    await iin
      .post(`${CYCLE}/projects/P06/review`, {
        decision: 'return',
        comments: '着工の見込み時期を実績に追記してください。',
      })
      .expect(200);

    await page.goto(`/cycles/${FY}/inbox`);
    const returned = page.getByRole('region', { name: '差戻し（修正が必要）' });
    await returned.getByText('着工の見込み時期を実績に追記してください。').waitFor();
    await returned.getByRole('link', { name: project }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: '区政改革推進会議からの差戻しコメント' })
      .getByText('着工の見込み時期を実績に追記してください。')
      .waitFor();
    await page
      .getByRole('textbox', { name: /^実績/ })
      .fill('都営住宅の建設工事の着工が遅れ、改築工事に着手できなかった。令和9年度に着工の見込み。');
    await page.getByRole('status').filter({ hasText: '下書きを保存しました' }).waitFor();
    // The comments stay in view after the first autosave turned the item back into a draft.
    await page.getByText('着工の見込み時期を実績に追記してください。').first().waitFor();
    await page.getByRole('button', { name: '提出する' }).click();
    await page.getByText('提出しました。区政改革推進会議の審査をお待ちください。').waitFor();
    const stored = await (await world.api.as('staff-hoiku')).get(`${CYCLE}/projects/P06`).expect(200);
    expect(stored.body).toMatchObject({
      status: 'submitted',
      actual: { text: expect.stringContaining('令和9年度に着工の見込み') },
    });
  });

  it('shows the newer version after a stale edit and lets the user put their change on top of it', async () => {
    await page.goto(`/cycles/${FY}/projects/P05`);
    await page.getByRole('heading', { level: 1, name: '延長保育 計176所' }).waitFor();
    // A colleague of the same section saves first.
    const colleague = await world.api.as('staff-hoiku');
    await colleague.put(`${CYCLE}/projects/P05/draft`, { actual: { text: '同僚が入力した実績' } }).expect(200);

    await page.getByRole('textbox', { name: /^実績/ }).fill('延長保育を176所で実施した。');
    const conflict = page.getByText('ほかの人が先にこの項目を更新しました');
    await conflict.waitFor();
    await page.getByText('同僚が入力した実績').waitFor();
    await expect(page.getByRole('textbox', { name: /^実績/ }).inputValue()).resolves.toBe(
      '延長保育を176所で実施した。',
    ); // nothing typed is lost
    await page.getByRole('button', { name: '自分の入力を最新版に重ねて保存' }).click();
    await page.getByRole('status').filter({ hasText: '下書きを保存しました' }).waitFor();
    const stored = await colleague.get(`${CYCLE}/projects/P05`).expect(200);
    expect(stored.body.actual).toMatchObject({ text: '延長保育を176所で実施した。' });
  });

  it('shows Taisho’s fields under a Taisho cycle: achievement, performance target, withdrawal criterion', async () => {
    const taishoYear = FY - 1;
    await (
      await world.api.as('kikaku')
    )
      .post(`/wards/nerima/cycles/${taishoYear}`, { scheme: 'taisho', deadline: `${FY + 1}-05-31` })
      .expect(200);
    await page.goto(`/cycles/${taishoYear}/projects/P08`);
    await page.getByRole('heading', { level: 1, name: '練馬こども園 計27園' }).waitFor();
    await expect(page.getByRole('radio', { name: /^A\+/ }).count()).resolves.toBe(0);
    await page.getByRole('textbox', { name: /^実績/ }).fill('27園で実施した。');
    await page.getByRole('radio', { name: /^B/ }).check({ force: true });
    await page.getByRole('textbox', { name: /^業績目標/ }).fill('利用者満足度 80%以上');
    await page.getByRole('checkbox', { name: '撤退基準に該当した' }).check({ force: true });
    await page.getByRole('button', { name: '提出する' }).click();
    await page.getByText('撤退基準に該当した場合は撤退基準を記入してください。').first().waitFor();
    await page.getByRole('textbox', { name: /^撤退基準/ }).fill('満足度が 50%未満の場合は事業を再構築');
    await page.getByRole('textbox', { name: /^備考/ }).fill('満足度が 48% にとどまった。');
    await page.getByRole('button', { name: '提出する' }).click();
    await page.getByText('提出しました。区政改革推進会議の審査をお待ちください。').waitFor();
    const stored = await (
      await world.api.as('staff-hoiku')
    )
      .get(`/wards/nerima/cycles/${taishoYear}/projects/P08`)
      .expect(200);
    expect(stored.body.sectionRating).toMatchObject({
      scheme: 'taisho',
      achievement: 'B',
      withdrawalCriterionHit: true,
      performanceTarget: '利用者満足度 80%以上',
    });
  });

  it('has no serious accessibility violation and no sideways scrolling on any of these screens', () => {
    expect(problems).toEqual([]);
    expect(world.pageErrors).toEqual([]);
  });
});
