import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseImport, planImport } from '@pdca/importing';
import type { ImportedRecord } from '@pdca/importing';
import { emptyCatalogue } from '@pdca/catalogue';
import { ApiHarness, TestUser } from '../support/api-harness';
import { pdfPageTexts } from '../reporting/support/pdf-text';

const FIXTURES = join(__dirname, '../fixtures/nerima-fy2022');
const FILES = ['structure.csv', 'projects.csv', 'kpis.csv'];
const W = '/wards/nerima';
const FY = `${W}/cycles/2022`;
/** Reviewable pages of the printed reference, kept with the other screenshots (docs/screenshots). */
const ARTIFACTS = resolve(__dirname, '../../docs/screenshots');

/**
 * The ward's own FY R4 report (seed 002), transcribed into the import format, goes through the whole
 * cycle: import, open, every section submits its rows, the council approves, publish. The published
 * summary must equal the ward's table.
 */
describe('the real FY R4 (令和4年度) Nerima report, reproduced', () => {
  let api: ApiHarness;
  let records: ImportedRecord[];
  /** The published PDF, as the printer gets it. */
  let printed: Buffer;

  beforeAll(async () => {
    const parsed = await parseImport(FILES.map((name) => ({ name, data: readFileSync(join(FIXTURES, name)) })));
    const plan = planImport(parsed, emptyCatalogue(), {
      wardId: 'nerima',
      actor: { userId: 'x', role: 'planning_office', wardId: 'nerima' },
    });
    records = plan.records;
    const sections = [...new Set(records.map((r) => r.sectionId))];
    const users: TestUser[] = [
      { username: 'kikaku', role: 'planning_office' },
      { username: 'iin', role: 'council_member' },
      ...sections.map((sectionId) => ({ username: `staff-${sectionId}`, role: 'section_staff' as const, sectionId })),
    ];
    api = await ApiHarness.start(users);
  }, 60_000);
  afterAll(() => api.stop());

  const upload = async (path: string, files: Array<{ name: string; data: Buffer }>, key?: string) => {
    let call = api.http.post(path).set('Authorization', `Bearer ${await api.token('kikaku')}`);
    if (key) call = call.set('Idempotency-Key', key);
    for (const file of files) call = call.attach('files', file.data, file.name);
    return call;
  };
  const expectStatus = async (pending: Promise<{ status: number; body: any }>, status: number) => {
    const response = await pending;
    if (response.status !== status)
      throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body).slice(0, 2_000)}`);
    return response;
  };
  const fixtureFiles = () => FILES.map((name) => ({ name, data: readFileSync(join(FIXTURES, name)) }));

  it('offers the template and shows every error of a broken file without importing anything', async () => {
    const template = await (await api.as('kikaku')).get(`${W}/imports/template.xlsx`).responseType('blob').expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.body as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(['構成', '取組', '指標']));
    const broken = Buffer.from(
      '取組ID,戦略計画,項目番号,項目名,取組名,事業実施部,事業実施課,再掲元,短期評価対象外,年度,目標,前年度末の現況,当初計画,実績,進捗状況,Bの内訳,備考\nP99-001,99,1,x,取組,部,課,,,2022,目標,現況,実施,実施,B,,\n',
    );
    const preview = await expectStatus(upload(`${W}/imports/previews`, [{ name: 'projects.csv', data: broken }]), 201);
    expect(preview.body.valid).toBe(false);
    expect(preview.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          row: 2,
          column: expect.any(String),
          messageJa: expect.any(String),
          messageEn: expect.any(String),
        }),
      ]),
    );
    const refused = await upload(`${W}/imports`, [{ name: 'projects.csv', data: broken }]);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('IMPORT_INVALID');
    const catalogue = await (await api.as('kikaku')).get(`${W}/catalogue`).expect(200);
    expect(catalogue.body.revision).toBe(-1);
  });

  it('imports the catalogue (383 projects, 36 reposts, 120 KPIs) as one batch', async () => {
    const preview = await expectStatus(upload(`${W}/imports/previews`, fixtureFiles()), 201);
    expect(preview.body).toMatchObject({ valid: true, errors: [] });
    expect(preview.body.recordsSkipped).toEqual([expect.objectContaining({ fiscalYear: 2022, records: 503 })]);
    const imported = await expectStatus(upload(`${W}/imports`, fixtureFiles(), 'nerima-fy2022-catalogue'), 201);
    expect(imported.body.catalogueCommands).toBeGreaterThan(900);
    const catalogue = await (await api.as('kikaku')).get(`${W}/catalogue`).expect(200);
    expect(Object.keys(catalogue.body.projects)).toHaveLength(383);
    expect(
      Object.values(catalogue.body.projects).reduce(
        (n: number, p) => n + (p as { reposts: unknown[] }).reposts.length,
        0,
      ),
    ).toBe(36);
    expect(Object.keys(catalogue.body.kpis)).toHaveLength(120);
  }, 60_000);

  it("runs the cycle: sections submit, the council approves, the office publishes the ward's own summary", async () => {
    const kikaku = await api.as('kikaku');
    await kikaku.post(FY, { scheme: 'nerima', deadline: '2023-05-31' }).expect(200);
    for (const record of records) {
      const staff = await api.as(`staff-${record.sectionId}`);
      const path = record.item.kind === 'project' ? 'projects' : 'kpis';
      const actual =
        record.actual.kind === 'project'
          ? { text: record.actual.text }
          : { value: record.actual.value.text, asOf: record.actual.asOf };
      const response = await staff.post(`${FY}/${path}/${record.item.itemId}/submission`, {
        actual,
        rating: record.rating,
      });
      if (response.status !== 200) throw new Error(`${record.item.itemId}: ${JSON.stringify(response.body)}`);
    }
    const iin = await api.as('iin');
    for (const record of records) {
      const path = record.item.kind === 'project' ? 'projects' : 'kpis';
      await iin.post(`${FY}/${path}/${record.item.itemId}/review`, { decision: 'approve' }).expect(200);
    }
    await kikaku.post(`${FY}/closing`, {}).expect(200);
    await kikaku.post(`${FY}/publications`, {}).expect(200);

    const report = await api.http.get('/public/wards/nerima/reports/2022').expect(200);
    const summary = report.body.model.summary;
    const row = (key: string) => summary.rows.find((r: { key: string }) => r.key === key);
    const reason = (key: string) => summary.bReasons.find((r: { key: string }) => r.key === key);
    expect([row('A+'), row('A'), row('B'), row('*'), row('-')].map((r) => [r.count, r.share])).toEqual([
      [21, 5],
      [284, 74],
      [33, 9],
      [34, 9],
      [11, 3],
    ]);
    expect(
      ['covid19', 'town_development', 'construction', 'other'].map((k) => [reason(k).count, reason(k).share]),
    ).toEqual([
      [4, 1],
      [12, 3],
      [3, 1],
      [14, 4],
    ]);
    expect(summary).toMatchObject({ total: 383, unrated: 0 });
    expect(row('-').label).toBe('令和4年度末までに取組がないもの');
  }, 240_000);

  it('renders the reference report in every format; the PDF and the Excel file hold the summary', async () => {
    const pdf = await api.http.get('/public/wards/nerima/reports/2022?format=pdf').responseType('blob').expect(200);
    printed = pdf.body as Buffer;
    const pages = pdfPageTexts(pdf.body as Buffer).map((page) => page.replace(/\s+/g, ''));
    if (process.env.REPORT_PAGES_DIR)
      writeFileSync(join(process.env.REPORT_PAGES_DIR, 'nerima-fy2022.pdf'), pdf.body as Buffer);
    const text = pages.join('\n');
    // The ward's order, every 目次 entry on the page it names, and no page of 対象なし.
    expect(pages[1]).toMatch(/^目次/);
    const toc = [...pages[1].matchAll(/([^…]+?)…(\d+)/g)].map(([, label, page]) => ({
      label: label.replace(/^目次/, ''),
      page: Number(page),
    }));
    expect(toc.length).toBe(2 + (1 + 6) + (1 + 6 + 22) + 1); // guide, summary, Part 1 and its pillars, Part 2 with its pillars and plans, appendix
    for (const entry of toc)
      expect({ entry, found: pages[entry.page - 1].includes(entry.label) }).toEqual({ entry, found: true });
    const starts = ['表の見方', '進捗状況の集計', '第1部', '第2部', '付録'].map((heading) =>
      pages.findIndex((page, i) => i > 1 && page.startsWith(heading)),
    );
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(starts[0]).toBe(2);
    expect(text).not.toContain('対象なし');
    expect(text).toContain('計画以上に進んだもの');
    expect(text).toContain('令和4年度');
    expect(text).toContain('383');
    const xlsx = await api.http.get('/public/wards/nerima/reports/2022?format=xlsx').responseType('blob').expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as never);
    const cells = workbook.getWorksheet('集計')!.getSheetValues().flat().map(String);
    expect(cells).toEqual(expect.arrayContaining(['A+', '21', '284', '33', '34', '11', '383']));
    const html = await api.http.get('/public/wards/nerima/reports/2022?format=html').expect(200);
    expect(html.text).toContain('練馬区');
    expect(html.text).toContain('再掲');
    const csv = await api.http.get('/public/wards/nerima/reports/2022?format=csv&table=projects').expect(200);
    expect(csv.text.split('\r\n').filter(Boolean).length).toBe(1 + 383 + 36);
  }, 60_000);
  it('prints as the ward would hand it to the printer: one PNG per page, parts at the top left, every 達成度 in range; a few pages kept for review', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdca-fy2022-'));
    try {
      writeFileSync(join(dir, 'report.pdf'), printed);
      const pageCount = Number(
        /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'report.pdf')]).toString())![1],
      );
      const pages = pdfPageTexts(printed).map((page) => page.replace(/\s+/g, ''));
      expect(pages).toHaveLength(pageCount);
      execFileSync('pdftoppm', ['-png', '-r', '60', join(dir, 'report.pdf'), join(dir, 'page')]);
      const pngs = readdirSync(dir)
        .filter((name) => name.endsWith('.png'))
        .sort();
      expect(pngs).toHaveLength(pageCount);
      // A page of nothing but its footer would rasterise to a nearly blank image.
      for (const png of pngs)
        expect({ png, bytes: statSync(join(dir, png)).size > 4_000 }).toEqual({ png, bytes: true });
      for (const [index, text] of pages.entries())
        expect({ page: index + 1, footer: text.endsWith(`${index + 1}/${pageCount}`) }).toEqual({
          page: index + 1,
          footer: true,
        });
      const startOf = (heading: string) => pages.findIndex((page, i) => i > 1 && page.startsWith(heading));
      const words = (page: number) =>
        [
          ...execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), join(dir, 'report.pdf'), '-'])
            .toString('utf8')
            .matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]+)</g),
        ].map(([, x, y, word]) => ({ x: Number(x), y: Number(y), word }));
      for (const heading of ['表の見方', '進捗状況の集計', '第1部', '第2部', '付録']) {
        const [first] = words(startOf(heading) + 1);
        expect({ heading, word: first.word, left: first.x < 40, top: first.y < 50 }).toEqual({
          heading,
          word: heading,
          left: true,
          top: true,
        });
      }
      // 達成度 is progress from 現状値 to 目標値: FY R4 has none below zero (the leading figure of
      // 「9所 (定員485人) 〔計206所〕」 once printed −2088.9 %).
      const part1 = pages.slice(startOf('第1部'), startOf('第2部')).join('');
      expect(part1.match(/-\d+(\.\d)?%/g) ?? []).toEqual([]);
      expect(part1).toContain('認可保育所の増設');
      // One published year: no 年度別実績 table repeating the year's own (report-template/5).
      expect(part1).not.toContain('年度別実績');
      // 公表情報 in a resident's words: one 検証用情報 block, no technical rows.
      const appendix = pages.slice(startOf('付録')).join('');
      expect(appendix).toContain('検証用情報');
      expect(appendix).not.toMatch(/データ時点|イベント位置|テンプレート版/);
      // No English beyond the verification line's address and codes, no table of chain heads.
      expect(pages.join('')).not.toMatch(/監査チェーン|ストリーム|SHA-256）/);
      // Not the appendix: its fingerprint and checkpoint differ on every run.
      const repostPage = pages.findIndex((page, i) => i >= startOf('第2部') && page.includes('（再掲）'));
      for (const [name, index] of [
        ['contents', 1],
        ['summary', startOf('進捗状況の集計')],
        ['part1', startOf('第1部')],
        ['part2-repost', repostPage],
      ] as const)
        copyFileSync(join(dir, pngs[index]), join(ARTIFACTS, `report-nerima-fy2022-${name}.png`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
