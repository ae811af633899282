import type { BrowserContext, Page } from 'playwright-core';
import { seriousAxeViolations } from './support/checks';
import { typeDate } from './support/date-field';
import { FY, WARD, WebWorld } from './support/web-world';

jest.setTimeout(180_000);

const ORDINAL_FY = FY + 1;
const ORDINAL_CYCLE = `${WARD}/cycles/${ORDINAL_FY}`;
const PROJECT = { id: 'P04', name: '認可保育所 計206所' };

/** The id list an input points to for its description and errors. */
const describedBy = async (page: Page, errorText: string) =>
  page.getByText(errorText).first().locator('xpath=..').getAttribute('id');

/**
 * A ward-defined scale through the UI: the planning office opens an ordinal year with its own
 * grades, a section rates on them (a grade that needs a reason, refused without one), and the
 * council adjusts the rating; axe finds nothing serious on any of these screens.
 */
describe('web: an ordinal year (the ward’s own grades), opened, rated and adjusted in the browser', () => {
  let world: WebWorld;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    world = await WebWorld.start();
  });
  beforeEach(async () => {
    context = await world.context();
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });
  afterAll(async () => {
    await world?.stop();
  });

  it('the planning office opens the year with its scale; a bad code is refused next to its field', async () => {
    await world.signIn(page, 'kikaku', '/office/cycles');
    await page.getByRole('heading', { level: 1, name: '年度の管理' }).waitFor();
    await page.getByRole('textbox', { name: /年度（西暦）/ }).fill(String(ORDINAL_FY));
    await page.getByRole('radio', { name: /^段階評価/ }).check({ force: true }); // react-aria hides the native input; the label takes the click
    const scale = page.getByRole('group', { name: '評価段階（良い順）' });
    const fifth = scale.getByRole('group', { name: '段階 5' });
    await expect(fifth.getByRole('textbox', { name: /^記号/ }).inputValue()).resolves.toBe('D'); // the example scale S–D to edit
    await fifth.getByRole('textbox', { name: /^記号/ }).fill('S');
    await typeDate(page, /^締切/, `${ORDINAL_FY + 1}-05-31`);
    await page.getByRole('button', { name: '令和9年度（2027年度）を開始する' }).click();
    const duplicate = 'この記号はほかの段階でも使われています。';
    await page.getByText(duplicate).waitFor();
    const code = fifth.getByRole('textbox', { name: /^記号/ });
    await expect(code.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(code.getAttribute('aria-describedby')).resolves.toContain(await describedBy(page, duplicate));
    problems.push(...(await seriousAxeViolations(page)).map((v) => `open form: ${v}`));

    // Keyboard only: the code field, then its meaning; one more grade added and taken away.
    await code.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('D');
    await page.getByRole('button', { name: '段階を追加' }).click();
    await scale.getByRole('group', { name: '段階 6' }).waitFor();
    await page.getByRole('button', { name: /^段階 6（—）を削除/ }).click();
    await expect(scale.getByRole('group', { name: '段階 6' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: '令和9年度（2027年度）を開始する' }).click();
    await page.getByRole('heading', { level: 1, name: '令和9年度（2027年度）の管理' }).waitFor();

    const cycle = await (await world.api.as('kikaku')).get(ORDINAL_CYCLE).expect(200);
    expect(cycle.body).toMatchObject({ scheme: 'ordinal', ordinalScale: { reasonRequired: ['C', 'D'] } });
    expect(
      (cycle.body as { ordinalScale: { grades: Array<{ code: string }> } }).ordinalScale.grades.map((g) => g.code),
    ).toEqual(['S', 'A', 'B', 'C', 'D']);
  });

  it('a section rates on the ward’s grades: C without its reason is refused at the note, then submitted with one', async () => {
    await world.signIn(page, 'staff-hoiku', `/cycles/${ORDINAL_FY}/projects/${PROJECT.id}`);
    await page.getByRole('heading', { level: 1, name: PROJECT.name }).waitFor();
    await page.getByRole('textbox', { name: /^実績/ }).fill('3所を新設し、計204所となった。');
    const grades = page.getByRole('radiogroup', { name: /評価（区が定める段階）/ });
    await expect(grades.getByRole('radio').count()).resolves.toBe(5);
    await grades.getByRole('radio', { name: /^C/ }).check({ force: true });
    await page.getByRole('button', { name: '提出する' }).click();
    const reason = 'この段階を付ける理由を備考に記入してください。';
    await page.getByText(reason).first().waitFor();
    const note = page.getByRole('textbox', { name: /^備考/ });
    await expect(note.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(note.getAttribute('aria-required')).resolves.toBe('true');
    problems.push(...(await seriousAxeViolations(page)).map((v) => `section form: ${v}`));
    await note.fill('用地の確保が遅れ、2所の開設が翌年度になったため。');
    await page.getByRole('button', { name: '提出する' }).click();
    await page.getByText('提出しました。区政改革推進会議の審査をお待ちください。').waitFor();

    const stored = await (await world.api.as('staff-hoiku')).get(`${ORDINAL_CYCLE}/projects/${PROJECT.id}`).expect(200);
    expect(stored.body).toMatchObject({
      status: 'submitted',
      sectionRating: { scheme: 'ordinal', grade: 'C', note: '用地の確保が遅れ、2所の開設が翌年度になったため。' },
    });
  });

  it('the council adjusts the rating to another grade of the scale, with its reason', async () => {
    await world.signIn(page, 'iin', `/cycles/${ORDINAL_FY}/council/projects/${PROJECT.id}`);
    await page.getByRole('heading', { level: 1, name: PROJECT.name }).waitFor();
    await page.getByRole('radio', { name: /^評価を調整して承認/ }).check({ force: true });
    const adjusted = page.getByRole('radiogroup', { name: /調整後の評価/ });
    await expect(adjusted.getByRole('radio', { name: /^C/ }).isChecked()).resolves.toBe(true); // starts from the section's grade
    await adjusted.getByRole('radio', { name: /^D/ }).check({ force: true });
    const note = page.getByRole('textbox', { name: /^備考/ });
    await expect(note.inputValue()).resolves.toContain('用地の確保'); // the section's note, to keep or rewrite
    await note.fill('');
    await page.getByRole('button', { name: '調整して承認する' }).click();
    await page.getByText('この段階を付ける理由を備考に記入してください。').first().waitFor(); // D needs a reason too
    await expect(note.getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByText('調整の理由を入力してください。').first().waitFor();
    problems.push(...(await seriousAxeViolations(page)).map((v) => `council form: ${v}`));
    await adjusted.getByRole('radio', { name: /^B/ }).check({ force: true });
    await page
      .getByRole('textbox', { name: /^調整の理由/ })
      .fill('翌年度の開設が確定しており、概ね計画どおりと判断した。');
    await page.getByRole('button', { name: '調整して承認する' }).click();
    await page.getByText(`「${PROJECT.name}」の評価を調整しました。`).waitFor();

    const stored = await (await world.api.as('iin')).get(`${ORDINAL_CYCLE}/projects/${PROJECT.id}`).expect(200);
    expect(stored.body).toMatchObject({
      status: 'approved',
      sectionRating: { grade: 'C' },
      councilRating: { scheme: 'ordinal', grade: 'B' },
    });
    expect(problems).toEqual([]);
    expect(world.pageErrors).toEqual([]);
  });
});
