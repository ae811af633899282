import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { KPIS, PROJECTS } from '../support/sample-ward';
import { checkScreen } from './support/checks';
import { typeDate } from './support/date-field';
import { CYCLE, FY, WARD, WebWorld } from './support/web-world';

jest.setTimeout(120_000);

/** The two hoiku projects left unsubmitted (the closing checklist names them), and one gakumu draft. */
const LEFT_OUT = ['P04', 'P05'];
const DRAFT = 'P11';

/** Every other item submitted by its section and approved by the council, through the API. */
async function answerAllBut(world: WebWorld, leftOut: string[]): Promise<void> {
  const iin = await world.api.as('iin');
  for (const project of PROJECTS.filter((p) => !leftOut.includes(p.projectId))) {
    const staff = await world.api.as(`staff-${project.sectionId}`);
    const rating = {
      scheme: 'nerima',
      grade: project.grade,
      ...(project.bReason ? { bReason: project.bReason } : {}),
      ...(project.note ? { note: project.note } : {}),
    };
    const actual = { text: project.grade === '-' ? '当該年度の取組なし' : '計画どおり実施した。' };
    await staff.post(`${CYCLE}/projects/${project.projectId}/submission`, { actual, rating }).expect(200);
    await iin.post(`${CYCLE}/projects/${project.projectId}/review`, { decision: 'approve' }).expect(200);
  }
  for (const kpi of KPIS) {
    const staff = await world.api.as(`staff-${kpi.sectionId}`);
    await staff
      .post(`${CYCLE}/kpis/${kpi.kpiId}/submission`, { actual: { value: kpi.actual, asOf: '令和8年度末' } })
      .expect(200);
    await iin.post(`${CYCLE}/kpis/${kpi.kpiId}/review`, { decision: 'approve' }).expect(200);
  }
}

/**
 * The planning office through the UI: open a year (its errors next to their fields), follow a
 * cycle's progress, remind a late section now, try to close (the checklist), exclude with a reason,
 * close with the rest confirmed, publish, correct; the catalogue with its reposts; an import's
 * preview with every row's error, a clean import and its reversion. axe and 390 px on every screen.
 */
describe('web: the planning office path', () => {
  let world: WebWorld;
  let context: BrowserContext;
  let page: Page;
  let files: string;
  const problems: string[] = [];

  beforeAll(async () => {
    world = await WebWorld.start();
    const kikaku = await world.api.as('kikaku');
    await kikaku
      .post(`${WARD}/catalogue/projects/P03/reposts`, {
        placement: { planId: '4', sectionNo: '3', sectionTitle: '子どもの居場所づくり' },
      })
      .expect(200);
    await answerAllBut(world, [...LEFT_OUT, DRAFT]);
    await (
      await world.api.as('staff-gakumu')
    )
      .put(`${CYCLE}/projects/${DRAFT}/draft`, { actual: { text: '見直し案を作成中' } })
      .expect(200);
    files = mkdtempSync(join(tmpdir(), 'office-import-'));
    context = await world.context();
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await world?.stop();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  it('lists the years and opens the next one; each refusal is shown next to its field and the input stays', async () => {
    await world.signIn(page, 'kikaku', '/office/cycles');
    await page.getByRole('heading', { level: 1, name: '年度の管理' }).waitFor();
    await page.getByRole('link', { name: '令和8年度（2026年度）' }).waitFor();
    problems.push(...(await checkScreen(page, 'office', 'cycles')));

    const year = page.getByRole('textbox', { name: /年度（西暦）/ });
    await year.fill('2026');
    await page.getByRole('button', { name: /を開始する$/ }).click();
    await page.getByText('提出締切の日付を入力してください。').waitFor(); // checked before sending
    await typeDate(page, /^締切/, `${FY + 2}-05-31`);
    await page.getByText('令和10年5月31日（2028/5/31）').waitFor(); // the day in 和暦 beside the field
    await page.getByRole('button', { name: '令和8年度（2026年度）を開始する' }).click();
    // The server's 409 CYCLE_EXISTS, next to the year; the deadline typed is still there.
    const exists = page.getByText('2026年度のサイクルは開始済みです。');
    await exists.waitFor();
    await expect(year.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(year.getAttribute('aria-describedby')).resolves.toContain(
      await exists.locator('xpath=..').getAttribute('id'),
    );
    await page.getByText('令和10年5月31日（2028/5/31）').waitFor();

    await year.fill(String(FY + 1));
    await page.getByRole('button', { name: '令和9年度（2027年度）を開始する' }).click();
    await page.getByRole('heading', { level: 1, name: '令和9年度（2027年度）の管理' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/office/cycles/${FY + 1}`);
  });

  it('opens a cycle and shows the progress of each section with the days to the deadline', async () => {
    await page.getByRole('link', { name: '← 年度の一覧へ' }).click();
    await page.getByRole('link', { name: '令和8年度（2026年度）' }).click();
    await page.getByRole('heading', { level: 1, name: '令和8年度（2026年度）の管理' }).waitFor();
    await page.getByText(/締切まであと\d+日/).waitFor();
    const progress = page.getByRole('region', { name: '課ごとの提出状況' });
    const hoiku = progress.getByRole('row', { name: /保育課/ });
    await hoiku.waitFor();
    // 対象 8 (P04–P10 and K1): 未着手 2, 承認済み 6.
    await expect(hoiku.getByRole('cell').allInnerTexts()).resolves.toEqual([
      '8',
      '2',
      '0',
      '0',
      '0',
      '6',
      '未提出 2件',
    ]);
    await expect(
      progress
        .getByRole('row', { name: /学務課/ })
        .getByRole('cell')
        .allInnerTexts(),
    ).resolves.toEqual(['11', '0', '1', '0', '0', '10', '未提出 1件']);
    await expect(
      progress
        .getByRole('row', { name: /子育て支援課/ })
        .getByText('すべて提出済み')
        .count(),
    ).resolves.toBe(1);
    // The queue dashboard is the operators' (the API refuses everyone else): not linked for the office.
    await expect(page.getByRole('link', { name: 'キュー監視' }).count()).resolves.toBe(0);
    problems.push(...(await checkScreen(page, 'office', 'cycle')));
  });

  it('refuses a deadline that is not later, next to the field, in Japanese and in English', async () => {
    await typeDate(page, /^新しい締切/, `${FY + 1}-05-01`);
    await page.getByRole('textbox', { name: /^理由/ }).fill('議会日程の変更に伴い延長');
    await page.getByRole('button', { name: '締切を延長する' }).click();
    await page.getByText('新しい締切は現在の締切より後にしてください。').waitFor();
    await expect(
      page
        .getByRole('group', { name: /^新しい締切/ })
        .getByRole('spinbutton')
        .first()
        .getAttribute('aria-invalid'),
    ).resolves.toBe('true');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByText('The new deadline must be later than the current one.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'FY2026 (令和8年度)' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Progress by section' }).waitFor();
    await page.getByRole('button', { name: '日本語に切り替える' }).click();
    await expect(page.getByRole('textbox', { name: /^理由/ }).inputValue()).resolves.toBe('議会日程の変更に伴い延長');
    await typeDate(page, /^新しい締切/, `${FY + 1}-06-30`);
    await page.getByRole('button', { name: '締切を延長する' }).click();
    await page.getByText('締切を令和9年6月30日（2027/6/30）に延長しました。').waitFor();
  });

  it('changes the reminder policy; a value out of range is named next to its field', async () => {
    const every = page.getByRole('textbox', { name: /締切後に繰り返す間隔/ });
    await every.fill('0');
    await page.getByRole('button', { name: '督促の設定を保存する' }).click();
    await page.getByText('1〜30の整数で入力してください。').waitFor();
    await expect(every.getAttribute('aria-invalid')).resolves.toBe('true');
    await every.fill('2');
    await page.getByRole('textbox', { name: /締切の何日前に送るか/ }).fill('10, 3、1');
    await page.getByRole('button', { name: '督促の設定を保存する' }).click();
    await page.getByText('督促の設定を保存しました。').waitFor();
    const cycle = await (await world.api.as('kikaku')).get(CYCLE).expect(200);
    expect(cycle.body.reminderPolicy).toMatchObject({
      daysBefore: [10, 3, 1],
      overdueEveryDays: 2,
      sendAtJst: '09:00',
    });
  });

  it('sends a one-off reminder now to the chosen sections; a section that owes nothing is named next to the choice', async () => {
    const form = page.getByRole('group', { name: /督促する課/ });
    await page.getByRole('button', { name: '選んだ課に督促を送る' }).click();
    await page.getByText('督促する課を1つ以上選んでください。').waitFor();
    await form.getByRole('checkbox', { name: /保育課/ }).check({ force: true });
    await form.getByRole('checkbox', { name: /学務課/ }).check({ force: true });
    // The limit the hint states is checked before anything is sent.
    await page.getByRole('textbox', { name: /企画課からの連絡/ }).fill('お'.repeat(1_001));
    await page.getByRole('button', { name: '選んだ課に督促を送る' }).click();
    await page.getByText('企画課からの連絡は1,000字までです（いま 1,001字）。').waitFor();
    await page.getByRole('textbox', { name: /企画課からの連絡/ }).fill('本日中の提出をお願いします。');
    // Meanwhile gakumu submits its last item and the council approves it: the API answers 422.
    await (
      await world.api.as('staff-gakumu')
    )
      .post(`${CYCLE}/projects/${DRAFT}/submission`, {
        actual: { text: '見直し案を作成した。' },
        rating: { scheme: 'nerima', grade: 'A' },
      })
      .expect(200);
    await (await world.api.as('iin')).post(`${CYCLE}/projects/${DRAFT}/review`, { decision: 'approve' }).expect(200);
    await page.getByRole('button', { name: '選んだ課に督促を送る' }).click();
    const refusal = form.getByText('学務課には未提出の取組・指標がないため、督促は送れません。');
    await refusal.waitFor();
    await expect(form.getAttribute('aria-describedby')).resolves.toContain(
      await refusal.locator('xpath=..').getAttribute('id'),
    );
    await expect(page.getByRole('textbox', { name: /企画課からの連絡/ }).inputValue()).resolves.toBe(
      '本日中の提出をお願いします。',
    );

    const keys: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/reminders'))
        keys.push(request.headers()['idempotency-key'] ?? '');
    });
    await form.getByRole('checkbox', { name: /学務課/ }).uncheck({ force: true });
    await page.getByRole('button', { name: '選んだ課に督促を送る' }).dblclick();
    await page.getByText('督促の送信を受け付けました').waitFor();
    await page.getByText('保育課への督促メールを順次送信します。', { exact: false }).waitFor();
    expect(keys.length).toBeGreaterThanOrEqual(1);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    const csv = await page.request.get(
      (await page.getByRole('link', { name: '督促記録をCSVでダウンロード' }).getAttribute('href')) ?? '',
    );
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
  });

  it('tries to close, sees the checklist, excludes one item with a reason and closes with the other confirmed', async () => {
    await page.getByRole('button', { name: '提出受付を締め切る' }).click();
    const ask = page.getByRole('alertdialog', { name: '提出受付を締め切りますか？' });
    await ask.getByRole('button', { name: '締め切る' }).click();
    await page.getByRole('heading', { name: '締切前の確認: 未提出・差戻し中 2件（1課）' }).waitFor();
    await page.getByText('こども家庭部 保育課: 2件').waitFor();
    problems.push(...(await checkScreen(page, 'office', 'closing-checklist')));

    await page.getByRole('button', { name: '「延長保育 計176所」を対象から除外' }).click();
    const exclude = page.getByRole('alertdialog', { name: '「延長保育 計176所」を対象から除外しますか？' });
    await exclude.getByRole('textbox', { name: /除外の理由/ }).waitFor();
    await expect(page.evaluate<string>('document.activeElement?.tagName ?? ""')).resolves.toBe('TEXTAREA'); // the reason comes first
    await exclude.getByRole('button', { name: '対象から除外する' }).click();
    await exclude.getByText('理由を入力してください。').waitFor();
    await exclude.getByRole('textbox', { name: /除外の理由/ }).fill('年度途中で事業を廃止したため');
    await exclude.getByRole('button', { name: '対象から除外する' }).click();
    await page.getByText('「延長保育 計176所」を対象から除外しました。').waitFor();
    await page.getByRole('heading', { name: '締切前の確認: 未提出・差戻し中 1件（1課）' }).waitFor();

    await page.getByRole('button', { name: '未提出1件を残したまま締め切る' }).click();
    const anyway = page.getByRole('alertdialog', { name: '未提出の1件を残したまま締め切りますか？' });
    await anyway.getByRole('button', { name: '確認のうえ締め切る' }).click();
    await page.getByRole('heading', { level: 2, name: '報告書の公表' }).waitFor();
    const cycle = await (await world.api.as('kikaku')).get(CYCLE).expect(200);
    expect(cycle.body.status).toBe('closed');
    expect(cycle.body.excluded).toEqual([{ kind: 'project', itemId: 'P05', reason: '年度途中で事業を廃止したため' }]);
  });

  it('publishes once the last item is excluded, after a confirmation, then publishes a correction', async () => {
    const publish = page.getByRole('button', { name: '報告書を公表する' });
    await expect(publish.isDisabled()).resolves.toBe(true);
    await page.getByRole('heading', { name: '公表前の確認: 未承認 1件' }).waitFor();
    problems.push(...(await checkScreen(page, 'office', 'closed')));
    await page.getByRole('button', { name: '「認可保育所 計206所」を対象から除外' }).click();
    const exclude = page.getByRole('alertdialog', { name: /認可保育所/ });
    await exclude.getByRole('textbox', { name: /除外の理由/ }).fill('事業計画の見直しにより対象外としたため');
    await exclude.getByRole('button', { name: '対象から除外する' }).click();
    await page.getByRole('heading', { name: /公表前の確認/ }).waitFor({ state: 'detached' });
    await expect(publish.isEnabled()).resolves.toBe(true);

    await publish.click();
    const ask = page.getByRole('alertdialog', { name: '報告書を公表しますか？' });
    await ask.getByRole('button', { name: 'キャンセル' }).click(); // cancelling changes nothing
    expect((await (await world.api.as('kikaku')).get(CYCLE)).body.status).toBe('closed');
    await publish.click();
    await ask.getByRole('button', { name: '公表する' }).click();
    const versions = page.getByRole('region', { name: '公表した版' });
    await versions.getByRole('row', { name: /第1版/ }).waitFor();

    await page.getByRole('textbox', { name: /訂正の理由/ }).fill('戦略計画1の取組名に誤記があったため訂正');
    await page.getByRole('button', { name: '第2版（訂正版）を公表する' }).click();
    await page
      .getByRole('alertdialog', { name: '第2版（訂正版）を公表しますか？' })
      .getByRole('button', { name: '訂正版を公表する' })
      .click();
    await versions.getByRole('row', { name: /第2版.*戦略計画1の取組名に誤記があったため訂正/ }).waitFor();
    await page.getByRole('link', { name: '公表ページ（区民向け）を開く' }).waitFor();
    await page.getByText('対象から除外した項目（2）').click();
    await page
      .getByRole('region', { name: '対象から除外した項目' })
      .getByRole('row', { name: /延長保育 計176所.*年度途中で事業を廃止したため/ })
      .waitFor();
    const pdf = await page.request.get((await page.getByRole('link', { name: 'PDF' }).getAttribute('href')) ?? '');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect(new URL(pdf.url()).pathname).toBe(`/public${WARD}/reports/${FY}`); // the published version, as the public reads it
    problems.push(...(await checkScreen(page, 'office', 'published')));
  });

  it('closes a year with everything outstanding after confirming the list, and reopens it with a reason', async () => {
    await page.goto(`/office/cycles/${FY + 1}`);
    await page.getByRole('heading', { level: 1, name: '令和9年度（2027年度）の管理' }).waitFor();
    await page.getByRole('button', { name: '提出受付を締め切る' }).click();
    await page
      .getByRole('alertdialog', { name: '提出受付を締め切りますか？' })
      .getByRole('button', { name: '締め切る' })
      .click();
    await page.getByRole('heading', { name: '締切前の確認: 未提出・差戻し中 34件（4課）' }).waitFor();
    // Focus moved to the checklist, so a screen reader hears it (the page has no DOM types here: a string).
    await expect(page.evaluate<string>('document.activeElement?.textContent ?? ""')).resolves.toBe(
      '締切前の確認: 未提出・差戻し中 34件（4課）',
    );
    await page.getByRole('button', { name: '未提出34件を残したまま締め切る' }).click();
    await page
      .getByRole('alertdialog', { name: '未提出の34件を残したまま締め切りますか？' })
      .getByRole('button', { name: '確認のうえ締め切る' })
      .click();
    await page.getByRole('heading', { level: 2, name: '提出受付の再開' }).waitFor();
    await page.getByRole('button', { name: '提出受付を再開する' }).click();
    await page.getByText('理由を入力してください。').waitFor();
    await page.getByRole('textbox', { name: /再開の理由/ }).fill('締切日を誤って設定したため再開');
    await page.getByRole('button', { name: '提出受付を再開する' }).click();
    await page.getByRole('heading', { level: 2, name: '提出受付の締切' }).waitFor();
    expect((await (await world.api.as('kikaku')).get(`${WARD}/cycles/${FY + 1}`).expect(200)).body.status).toBe('open');
  });

  it('browses the catalogue: pillars, plans, projects with their reposts marked 再掲, KPIs and sections', async () => {
    await page.getByRole('link', { name: '計画・取組の一覧' }).click();
    await page.getByRole('heading', { level: 1, name: '計画・取組の一覧' }).waitFor();
    const plan4 = page.getByRole('region', { name: '戦略計画4の取組' });
    await plan4
      .getByRole('row', { name: /練馬こども カフェ|練馬こどもカフェ/ })
      .getByText('再掲')
      .waitFor();
    await page
      .getByRole('region', { name: '戦略計画1の指標（目標）' })
      .getByRole('row', { name: /認可保育所の増設/ })
      .waitFor();
    problems.push(...(await checkScreen(page, 'office', 'catalogue')));
    await page.getByRole('searchbox', { name: /絞り込み/ }).fill('シェアサイクル');
    await expect(page.getByRole('region', { name: '戦略計画1の取組' }).count()).resolves.toBe(0);
    await page
      .getByRole('region', { name: '戦略計画12の取組' })
      .getByRole('row', { name: /シェアサイクルの拡大/ })
      .waitFor();
  });

  it('previews an import with every row error by table, row and column, imports a clean file and reverts it', async () => {
    await page.getByRole('link', { name: '取込み', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '取込み（Excel・CSV）' }).waitFor();
    const template = await page.request.get(
      (await page.getByRole('link', { name: /Excelテンプレート/ }).getAttribute('href')) ?? '',
    );
    expect(template.status()).toBe(200);

    const header =
      '取組ID,戦略計画,項目番号,項目名,取組名,事業実施部,事業実施課,再掲元,短期評価対象外,年度,目標,前年度末の現況,当初計画,実績,進捗状況,Bの内訳,備考';
    const bad = join(files, '取組.csv');
    writeFileSync(bad, `${header}\nX01,1,9,,新しい取組,こども家庭部,保育課,,,${FY},,,,実施した,Z,,\n`);
    const choose = async (path: string) => {
      const chooser = page.waitForEvent('filechooser');
      await page
        .getByRole('group', { name: /取込みファイル/ })
        .getByRole('button', { name: 'ファイルを選択' })
        .click();
      await (await chooser).setFiles(path);
    };
    await page.getByRole('button', { name: '事前確認する（まだ取り込みません）' }).click();
    await page.getByText('取り込むファイルを選んでください。').waitFor();
    await choose(bad);
    await page.getByText('取組.csv', { exact: true }).waitFor();
    await page.getByRole('button', { name: '事前確認する（まだ取り込みません）' }).click();
    await page.getByText(/件の誤りがあるため、取り込めません/).waitFor();
    const errors = page.getByRole('region', { name: '誤りの一覧' });
    await errors.getByRole('row', { name: /2行目.*進捗状況/ }).waitFor();
    await expect(
      errors
        .getByRole('row', { name: /2行目.*進捗状況/ })
        .getByRole('cell')
        .first()
        .innerText(),
    ).resolves.toBe('取組');
    await expect(page.getByRole('button', { name: /この内容で取り込む/ }).count()).resolves.toBe(0);
    problems.push(...(await checkScreen(page, 'office', 'import-errors')));

    const good = join(files, '指標.csv');
    writeFileSync(
      good,
      '指標ID,戦略計画,指標,区分,目標値,目標時点,現状値,現状値時点,年度,実績,実績時点\nK9,1,保育所の待機児童数,アウトカム,0人,令和9年4月1日,12人,令和8年4月1日,,,\n',
    );
    await choose(good);
    await page.getByRole('button', { name: '事前確認する（まだ取り込みません）' }).click();
    await page.getByText('誤りはありません').waitFor();
    await page.getByText('指標の登録 1件').waitFor();
    await page.getByRole('button', { name: 'この内容で取り込む（1ファイル）' }).click();
    await page.getByText(/^取り込みました（取込み番号 /).waitFor();
    const catalogue = await (await world.api.as('kikaku')).get(`${WARD}/catalogue`).expect(200);
    expect(catalogue.body.kpis.K9).toMatchObject({ indicator: '保育所の待機児童数', retired: false });

    const list = page.getByRole('region', { name: '取込みの履歴' });
    await list
      .getByRole('row', { name: /指標\.csv/ })
      .getByRole('button', { name: /を取り消す$/ })
      .click();
    const revert = page.getByRole('alertdialog', { name: 'この取込みを取り消しますか？' });
    await revert.getByRole('textbox', { name: /^理由/ }).fill('誤ったファイルを取り込んだため');
    await revert.getByRole('button', { name: '取込みを取り消す' }).click();
    await list.getByRole('row', { name: /指標\.csv.*取消し済み.*誤ったファイルを取り込んだため/ }).waitFor();
    await expect(page.getByText(/このブラウザーで確定した取込み/).count()).resolves.toBe(0); // the list is the server's
    const listed = await (await world.api.as('kikaku')).get(`${WARD}/imports`).expect(200);
    expect(listed.body[0]).toMatchObject({
      files: ['指標.csv'],
      status: 'reverted',
      revertReason: '誤ったファイルを取り込んだため',
    });
    const after = await (await world.api.as('kikaku')).get(`${WARD}/catalogue`).expect(200);
    expect(after.body.kpis.K9.retired).toBe(true); // reverted: retired, its history kept
    problems.push(...(await checkScreen(page, 'office', 'imports')));
  });

  it('has no serious or critical axe violation and no sideways scrolling on any office screen', () => {
    expect(problems).toEqual([]);
  });
});
