import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '@pdca/event-store';
import { validateEnvironment } from '@pdca/platform';
import type { BrowserContext, Page } from 'playwright-core';
import { loadDemoWard } from '../../apps/cli/src/demo/load-demo-ward';
import { checkScreen } from './support/checks';
import { WebWorld } from './support/web-world';

jest.setTimeout(180_000);

const FY = 2022;
const NAME = '第2期計画の区分';
const STAFFING = { code: 'staffing', label: '人員の確保が計画に届かなかったもの' };
const A_PLUS = '計画を上回って進んだもの';

interface Row {
  key: string;
  label: string;
  count: number;
  share: number;
}
interface SideBySide {
  original: { rows: Row[]; bReasons: Row[]; total: number };
  revised: { rows: Row[]; bReasons: Row[]; total: number };
  moves: Array<{ projectId: string; name: string; from: string; to: string }>;
}
interface ProjectRow {
  projectId: string;
  name: string;
  repost: boolean;
  rating?: { grade?: string; bReason?: string };
}

/** Every body row of the table named `name`, as the texts of its cells (row header first). */
const tableRows = (page: Page, name: string) =>
  page
    .getByRole('table', { name, exact: true })
    .evaluate((table) =>
      [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent?.trim())),
    );

/**
 * The planning office recounts FY R4 of the demo ward (published as the ward published it) under
 * revised rules through the page: その他 split in two, A+ reworded. The side-by-side tables show the
 * API's own answer for the same revision, nothing is appended, and a bad revision is refused at
 * the field the API names. axe, 390 px and 200 % zoom on the page with its answer.
 */
describe('web: the planning office recounts a published year under revised rules', () => {
  let world: WebWorld;
  let context: BrowserContext;
  let page: Page;
  /** Two of FY R4's B projects rated その他: they go to the new category. */
  let moved: ProjectRow[];
  const problems: string[] = [];

  beforeAll(async () => {
    const store = mkdtempSync(join(tmpdir(), 'pdca-web-demo-'));
    const environment = validateEnvironment({ DATA_DIR: store, JWT_SECRET: 's'.repeat(40), LOG_LEVEL: 'error' }, 'cli');
    const outcome = await loadDemoWard(environment, '2026-12-06');
    if (!outcome.loaded) throw new Error(`demo ward not loaded: ${outcome.reason}`);
    world = await WebWorld.start({ store });
    const report = await world.api.http.get(`/public/wards/nerima/reports/${FY}`).expect(200);
    const rows = (report.body.model.pillars as Array<{ plans: Array<{ projects: ProjectRow[] }> }>).flatMap((p) =>
      p.plans.flatMap((plan) => plan.projects),
    );
    moved = rows.filter((r) => !r.repost && r.rating?.grade === 'B' && r.rating.bReason === 'other').slice(0, 2);
    expect(moved).toHaveLength(2);
    context = await world.context();
    page = await context.newPage();
  }, 240_000);
  afterAll(async () => {
    await context?.close();
    await world?.stop();
  });

  it('splits その他 in two and rewords A+; the tables equal the API answer for the same revision, and nothing is stored', async () => {
    await world.signIn(page, 'kikaku', '/');
    await page.getByRole('navigation').getByRole('link', { name: '改定ルールでの集計' }).click();
    await page.getByRole('heading', { level: 1, name: '改定ルールでの集計（試算）' }).waitFor();
    await expect(page.getByLabel('数え直す年度').inputValue()).resolves.toBe(String(FY));

    await page.getByRole('textbox', { name: /^改定の名称/ }).fill(NAME);
    await page.getByRole('textbox', { name: '「A+」の表記' }).fill(A_PLUS);
    await page.getByRole('button', { name: '「その他」を2つに分ける' }).click();
    const added = page.getByRole('group', { name: '区分 5' });
    await added.getByRole('textbox', { name: /^コード/ }).fill(STAFFING.code);
    await added.getByRole('textbox', { name: /^名称/ }).fill(STAFFING.label);
    for (const project of moved) {
      await page.getByRole('button', { name: `${project.projectId} ${project.name} の行き先` }).click();
      await page.getByRole('option', { name: `${STAFFING.label}（${STAFFING.code}）` }).click();
    }
    const store = world.api.app.get<EventStore>(EVENT_STORE);
    const head = await store.headPosition();
    await page.getByRole('button', { name: '改定ルールで数え直す' }).click();
    await page.getByRole('heading', { level: 2, name: `元のルールと「${NAME}」の比較` }).waitFor();
    // The answer's heading takes focus, so a screen reader hears that it arrived.
    await expect(page.evaluate<string>('document.activeElement.textContent')).resolves.toBe(
      `元のルールと「${NAME}」の比較`,
    );

    const revision = {
      name: NAME,
      bReasons: [
        { code: 'covid19', label: '新型コロナウイルス感染症の感染拡大による影響を受けたもの' },
        { code: 'town_development', label: 'まちづくり事業等の進捗状況により予定変更が生じたもの' },
        { code: 'construction', label: '工事等の進捗状況により予定変更が生じたもの' },
        { code: 'other', label: 'その他' },
        STAFFING,
      ],
      bReasonMap: {
        covid19: 'covid19',
        town_development: 'town_development',
        construction: 'construction',
        other: 'other',
      },
      assign: Object.fromEntries(moved.map((p) => [p.projectId, STAFFING.code])),
      gradeLabels: { 'A+': A_PLUS },
    };
    const kikaku = await world.api.as('kikaku');
    const side = (await kikaku.post(`/wards/nerima/cycles/${FY}/report/reprojections`, revision).expect(200))
      .body as SideBySide;
    expect(side.revised.bReasons.find((r) => r.key === STAFFING.code)?.count).toBe(2);
    expect(side.revised.rows.find((r) => r.key === 'A+')?.label).toBe(A_PLUS);

    const revisedRow = (key: string) => side.revised.rows.find((r) => r.key === key)!;
    await expect(tableRows(page, '評価ごとの件数（元の表記と改定後の表記）')).resolves.toEqual([
      ...side.original.rows.map((r) => [
        r.key,
        r.label,
        String(r.count),
        revisedRow(r.key).label,
        String(revisedRow(r.key).count),
        `${r.share}%`,
      ]),
      ['合計', '', String(side.original.total), '', String(side.revised.total), '100%'],
    ]);
    const reasons = (rows: Row[]) => rows.map((r) => [r.label, String(r.count), `${r.share}%`, r.key]);
    await expect(tableRows(page, '元の区分')).resolves.toEqual(reasons(side.original.bReasons));
    await expect(tableRows(page, `改定後の区分（${NAME}）`)).resolves.toEqual(reasons(side.revised.bReasons));
    const labelOf = (rows: Row[], key: string) => rows.find((r) => r.key === key)?.label;
    await expect(tableRows(page, '区分が変わる取組')).resolves.toEqual(
      side.moves.map((m) => [
        m.projectId,
        m.name,
        labelOf(side.original.bReasons, m.from),
        labelOf(side.revised.bReasons, m.to),
      ]),
    );
    expect(side.moves.map((m) => m.projectId).sort()).toEqual(moved.map((p) => p.projectId).sort());
    expect(await store.headPosition()).toBe(head);

    problems.push(...(await checkScreen(page, 'office', 'reprojection')));
    expect(problems).toEqual([]);

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Recount under revised rules' }).waitFor();
    await page.getByRole('heading', { level: 2, name: `The original rules and “${NAME}”` }).waitFor();
    await page.getByRole('table', { name: 'Counts per rating (original and revised wording)' }).waitFor();
    await page.getByRole('button', { name: '日本語に切り替える' }).click();
    await page.getByRole('heading', { level: 1, name: '改定ルールでの集計（試算）' }).waitFor();
  });

  it("shows the API's refusal next to the field it names: a code the rules refuse, then an old category left without a home", async () => {
    // From the year's page, where the office reads the year's report.
    await page.goto(`/office/cycles/${FY}`);
    await page.getByRole('link', { name: '年度の報告から数え直す（改定ルールでの集計）' }).click();
    await page.getByRole('heading', { level: 1, name: '改定ルールでの集計（試算）' }).waitFor();
    expect(new URL(page.url()).search).toBe(`?year=${FY}`);
    await page.getByRole('textbox', { name: /^改定の名称/ }).fill(NAME);
    await page.getByRole('button', { name: '区分を追加', exact: true }).click();
    const added = page.getByRole('group', { name: '区分 5' });
    const code = added.getByRole('textbox', { name: /^コード/ });
    await code.fill('Staffing!');
    await added.getByRole('textbox', { name: /^名称/ }).fill(STAFFING.label);
    await page.getByRole('button', { name: '改定ルールで数え直す' }).click();

    const codeMessage = 'コードは英小文字・数字・_ で指定してください。';
    await page.getByRole('alert').filter({ hasText: codeMessage }).waitFor();
    await expect(code.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(describedBy(page, code)).resolves.toContain(codeMessage);
    await expect(page.getByRole('heading', { level: 2, name: /の比較$/ }).count()).resolves.toBe(0);

    await code.fill(STAFFING.code);
    await page.getByRole('button', { name: '区分 4（その他）を削除' }).click();
    await page.getByRole('button', { name: '改定ルールで数え直す' }).click();
    const homeMessage = '旧区分「その他」の行き先を指定してください。';
    await page.getByRole('alert').filter({ hasText: homeMessage }).waitFor();
    const destination = page.getByRole('group', { name: '元の区分「その他」（other）' });
    await destination.getByText(homeMessage).waitFor();
    await expect(describedBy(page, destination.getByRole('button', { name: /「その他」の行き先/ }))).resolves.toContain(
      homeMessage,
    );
    // その他 removed, the new category is the fourth now; its code is accepted.
    const renumbered = page.getByRole('group', { name: '区分 4' }).getByRole('textbox', { name: /^コード/ });
    await expect(renumbered.inputValue()).resolves.toBe(STAFFING.code);
    await expect(renumbered.getAttribute('aria-invalid')).resolves.not.toBe('true');
    expect(await checkScreen(page, 'office', 'reprojection-error', { screenshots: false })).toEqual([]);
    expect(world.pageErrors).toEqual([]);
  });
});

/** The text of the elements a control's aria-describedby names (what a screen reader reads with it). */
async function describedBy(page: Page, control: ReturnType<Page['locator']>): Promise<string> {
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}
