import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import type { Worksheet } from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { checkScreen } from './support/checks';
import { CYCLE, FY, WebWorld } from './support/web-world';

jest.setTimeout(120_000);

const CONSTRUCTION = '工事等の進捗状況により予定変更が生じたもの';

/** Writes cells by header into the row of an item, as a clerk would in Excel. */
function fill(sheet: Worksheet, itemId: string, values: Record<string, string>): number {
  const headers = (sheet.getRow(1).values as string[]).slice(1);
  let rowNumber = 0;
  sheet.eachRow((row, n) => {
    if (row.getCell(1).text === itemId) rowNumber = n;
  });
  if (!rowNumber) throw new Error(`no row for ${itemId}`);
  for (const [header, value] of Object.entries(values)) {
    const column = headers.indexOf(header);
    if (column < 0) throw new Error(`no column ${header}: ${headers.join(', ')}`);
    sheet.getRow(rowNumber).getCell(column + 1).value = value;
  }
  return rowNumber;
}

/** Section staff through the UI: download the workbook, fill it in offline, upload, see a row error, fix it, confirm. */
describe('web: the section’s Excel round trip', () => {
  let world: WebWorld;
  let context: BrowserContext;
  let page: Page;
  let dir: string;
  let downloaded: Buffer;
  const problems: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pdca-web-workbook-'));
    world = await WebWorld.start();
    context = await world.context();
    page = await context.newPage();
    await world.signIn(page, 'staff-hoiku', `/cycles/${FY}/workbook`);
  });
  afterAll(async () => {
    await context?.close();
    await world?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const upload = async (workbook: Workbook, name: string) => {
    const file = join(dir, name);
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    await page.getByLabel('入力したファイル', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'アップロードして内容を確認（まだ保存しません）' }).click();
  };

  it('downloads the section’s workbook from the page', async () => {
    await page.getByRole('heading', { level: 1, name: '令和8年度（2026年度） Excelで一括入力' }).waitFor();
    problems.push(...(await checkScreen(page, 'section', 'workbook')));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '課のExcelファイルをダウンロード（xlsx）' }).click(),
    ]);
    downloaded = readFileSync(await download.path());
    expect(download.suggestedFilename()).toMatch(/実績入力\.xlsx$/);
    const workbook = new Workbook();
    await workbook.xlsx.load(downloaded as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['取組', '指標', '説明']);
  });

  it('uploads a filled-in file and sees every row error by sheet, row and column; nothing is saved', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load(downloaded as never);
    const projects = workbook.getWorksheet('取組')!;
    fill(projects, 'P04', { 実績: '9所（定員485人）【計206所】', 進捗状況: 'A', 提出: 'はい' });
    const p06 = fill(projects, 'P06', {
      実績: '都営住宅の工事が遅れ着工できず',
      進捗状況: 'B',
      備考: '都営住宅建設工事の着工が遅れたため。',
      提出: 'はい',
    });
    await upload(workbook, 'filled.xlsx');
    await page.getByText(/^\d+件の誤りがあります$/).waitFor();
    const rows = page.getByRole('region', { name: '行ごとの結果（変更のある行と誤りのある行）' });
    const p06Row = rows.getByRole('row').filter({ hasText: 'P06' });
    await p06Row.getByText(`取組シート ${p06}行目`).waitFor();
    await p06Row.getByText(/「Bの内訳」列：/).waitFor();
    await rows.getByRole('row').filter({ hasText: 'P04' }).getByText('提出', { exact: true }).waitFor();
    await expect(page.getByRole('button', { name: 'この内容で保存する' }).count()).resolves.toBe(0);
    problems.push(...(await checkScreen(page, 'section', 'workbook-preview')));
    const stored = await (await world.api.as('staff-hoiku')).get(`${CYCLE}/projects/P04`).expect(200);
    expect(stored.body.status).toBe('not_started');
  });

  it('fixes the row, checks again and confirms: the rows are submitted', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load(downloaded as never);
    const projects = workbook.getWorksheet('取組')!;
    fill(projects, 'P04', { 実績: '9所（定員485人）【計206所】', 進捗状況: 'A', 提出: 'はい' });
    fill(projects, 'P06', {
      実績: '都営住宅の工事が遅れ着工できず',
      進捗状況: 'B',
      Bの内訳: CONSTRUCTION,
      備考: '都営住宅建設工事の着工が遅れたため。',
      提出: 'はい',
    });
    fill(projects, 'P05', { 実績: '延長保育を176所で実施（入力途中）' });
    await upload(workbook, 'fixed.xlsx');
    await page.getByText('誤りはありません').waitFor();
    await page.getByText('提出 2件、下書き保存 1件を保存します。').waitFor();
    await page.getByRole('button', { name: 'この内容で保存する' }).dblclick(); // a double click sends one confirmation
    await page.getByText('提出 2件、下書き保存 1件を保存しました。').waitFor();
    problems.push(...(await checkScreen(page, 'section', 'workbook-done')));
    const staff = await world.api.as('staff-hoiku');
    expect((await staff.get(`${CYCLE}/projects/P04`).expect(200)).body).toMatchObject({
      status: 'submitted',
      sectionRating: { grade: 'A' },
    });
    expect((await staff.get(`${CYCLE}/projects/P06`).expect(200)).body).toMatchObject({
      status: 'submitted',
      sectionRating: { grade: 'B', bReason: 'construction' },
    });
    expect((await staff.get(`${CYCLE}/projects/P05`).expect(200)).body).toMatchObject({ status: 'draft' });
    const history = await staff.get(`${CYCLE}/projects/P04/history`).expect(200);
    expect(history.body.history.filter((entry: { event: string }) => entry.event === 'ActualSubmitted')).toHaveLength(
      1,
    );
  });

  it('has no serious accessibility violation and no sideways scrolling on the workbook screens', () => {
    expect(problems).toEqual([]);
  });
});
