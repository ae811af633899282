import type { BrowserContext, Locator, Page } from 'playwright-core';
import { checkScreen } from './support/checks';
import { FY, WARD, WebWorld } from './support/web-world';

jest.setTimeout(180_000);

const TAISHO_FY = FY - 1;
const ISSUES = 'フェイスブックのアカウント障害が7月中頃から12月中頃まで発生し、目標値に届かなかった。';
const IMPROVEMENTS = '掲載頻度を上げ、身近な情報も掲載する。';

/** What a field's aria-describedby points to, as a screen reader would read it after the label. */
async function descriptionOf(page: Page, field: Locator): Promise<string> {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
  return texts.join(' ');
}

/** A Taisho initiative's form: 予定どおり実施, 課題 and 改善策 with labels; each error sits on its own field. */
describe('web: a Taisho initiative’s 課題・改善策 in the section form', () => {
  let world: WebWorld;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    world = await WebWorld.start();
    await (
      await world.api.as('kikaku')
    )
      .post(`${WARD}/cycles/${TAISHO_FY}`, { scheme: 'taisho', deadline: `${FY + 1}-05-31` })
      .expect(200);
    context = await world.context();
    page = await context.newPage();
    await world.signIn(page, 'staff-hoiku', `/cycles/${TAISHO_FY}/projects/P08`);
  });
  afterAll(async () => {
    await context?.close();
    await world?.stop();
  });

  it('ties A with the withdrawal criterion hit to 達成状況, and an 改善策 without 課題 to 課題; then submits them', async () => {
    await page.getByRole('heading', { level: 1, name: '練馬こども園 計27園' }).waitFor();
    await page.getByRole('textbox', { name: /^実績/ }).fill('27園で実施した。');
    await page.getByRole('radio', { name: /^A/ }).first().check({ force: true });
    await page.getByRole('textbox', { name: /^撤退基準/ }).fill('満足度が 50%未満の場合は事業を再構築');
    await page.getByRole('checkbox', { name: '撤退基準に該当した' }).check({ force: true });
    await page.getByRole('textbox', { name: /^改善策/ }).fill(IMPROVEMENTS);
    await page.getByRole('button', { name: '提出する' }).click();
    const hitNeedsB = '撤退基準に該当した取組は業績目標を達成していないため、達成状況は B にしてください。';
    const issuesNeeded = '改善策が応える課題を記入してください。';
    await page.getByText(issuesNeeded).first().waitFor();
    await page.getByText(hitNeedsB).first().waitFor();
    const issuesField = page.getByRole('textbox', { name: /^課題/ });
    expect(await descriptionOf(page, issuesField)).toContain(issuesNeeded);
    expect(await descriptionOf(page, page.getByRole('radiogroup', { name: /^達成状況/ }))).toContain(hitNeedsB);
    expect(await checkScreen(page, 'section', 'taisho-initiative')).toEqual([]);

    await page.getByRole('radio', { name: /^B/ }).first().check({ force: true });
    await page.getByRole('radio', { name: '予定どおり実施した' }).check({ force: true });
    await issuesField.fill(ISSUES);
    await page.getByRole('textbox', { name: /^備考/ }).fill('満足度が 48% にとどまった。');
    await page.getByRole('button', { name: '提出する' }).click();
    await page.getByText('提出しました。区政改革推進会議の審査をお待ちください。').waitFor();
    const stored = await (
      await world.api.as('staff-hoiku')
    )
      .get(`${WARD}/cycles/${TAISHO_FY}/projects/P08`)
      .expect(200);
    expect(stored.body.sectionRating).toMatchObject({
      scheme: 'taisho',
      achievement: 'B',
      withdrawalCriterionHit: true,
      implementedAsPlanned: true,
      issues: ISSUES,
      improvements: IMPROVEMENTS,
    });
  });

  it('does not offer 課題・改善策 on an indicator (they are the strategy’s)', async () => {
    await page.goto(`/cycles/${TAISHO_FY}/kpis/K1`);
    await page.getByRole('radio', { name: /^A/ }).first().waitFor();
    await expect(page.getByRole('textbox', { name: /^課題/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('radiogroup', { name: '取組の実施' }).count()).resolves.toBe(0);
    expect(world.pageErrors).toEqual([]);
  });
});
