import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { checkScreen } from './support/checks';
import { FY, WebWorld } from './support/web-world';

/** A year without a cycle: its results are skipped, so the file stays valid whatever the cycle's scope. */
const YEAR = FY + 3;

const HEADER =
  '取組ID,戦略計画,項目番号,項目名,取組名,事業実施部,事業実施課,再掲元,短期評価対象外,年度,目標,前年度末の現況,当初計画,実績,進捗状況,Bの内訳,備考';
/** A new project rated A, and its repost in plan 4 printed with B (as FY R4 printed P12-055 with *). */
const ROWS = [
  `X10,1,6,子育て支援,子育て相談の拡充,こども家庭部,子育て支援課,,,${YEAR},相談窓口 計10か所,計8か所,2か所の開設,2か所を開設,A,,`,
  `X10R,4,3,子どもの居場所づくり,子育て相談の拡充,こども家庭部,子育て支援課,X10,,${YEAR},相談窓口 計10か所,計8か所,2か所の開設,2か所を開設,B,その他,`,
];
const JA = '再掲行の進捗状況「B」が再掲元 X10 の「A」と異なります。';
const EN = 'This repost prints rating B but its original X10 is rated A';

/**
 * The import preview shows each accepted row worth a look (REPOST_RATING_DIFFERS) by table, row and
 * column with its message, in Japanese and in English, and still lets the office import the file.
 */
describe('web: the import preview shows repost rating warnings next to their rows', () => {
  let world: WebWorld;
  let context: BrowserContext;
  let page: Page;
  let files: string;

  beforeAll(async () => {
    world = await WebWorld.start();
    files = mkdtempSync(join(tmpdir(), 'import-warnings-'));
    context = await world.context();
    page = await context.newPage();
    await world.signIn(page, 'kikaku', '/office/imports');
  }, 300_000); // builds the web app first when its sources changed
  afterAll(async () => {
    await context?.close();
    await world?.stop();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  it('given a repost printed with another rating, when previewed, then its row is listed with the reason, and the import stays possible', async () => {
    await page.getByRole('heading', { level: 1, name: '取込み（Excel・CSV）' }).waitFor();
    const csv = join(files, '取組.csv');
    writeFileSync(csv, `${HEADER}\n${ROWS.join('\n')}\n`);
    const chooser = page.waitForEvent('filechooser');
    await page
      .getByRole('group', { name: /取込みファイル/ })
      .getByRole('button', { name: 'ファイルを選択' })
      .click();
    await (await chooser).setFiles(csv);
    await page.getByRole('button', { name: '事前確認する（まだ取り込みません）' }).click();
    await page.getByText('誤りはありません').waitFor();
    await page.getByText('1件の行は取り込めますが、確認してください').waitFor();
    const warnings = page.getByRole('region', { name: '確認が必要な行' });
    const row = warnings.getByRole('row', { name: /3行目/ });
    await row.waitFor();
    await expect(row.getByRole('cell').allInnerTexts()).resolves.toEqual([
      '取組',
      '進捗状況',
      'B',
      expect.stringContaining(JA),
    ]);
    await expect(page.getByRole('button', { name: /この内容で取り込む/ }).count()).resolves.toBe(1);
    expect(await checkScreen(page, 'office', 'import-warnings')).toEqual([]);

    await page.getByRole('button', { name: 'Switch to English' }).click();
    const english = page.getByRole('region', { name: 'Rows to check' });
    await english.getByText(EN).waitFor();
    await page.getByText('1 row(s) can be imported but need a look').waitFor();
    await page.getByRole('button', { name: '日本語に切り替える' }).click();
    expect(world.pageErrors).toEqual([]);
  }, 120_000);
});
