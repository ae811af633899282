import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { renderReportHtml, renderReportPdf, renderReportXlsx, TEMPLATE_VERSION } from '@pdca/reporting';
import { taishoDocument } from '../../libs/reporting/src/layout/taisho/taisho-template';
import { cellText } from '../../libs/reporting/src/tables/table';
import { pdfPageTexts } from './support/pdf-text';
import { publicationFor, reportModelFrom } from './support/report-fixture';
import { TAISHO_SEED_004 } from './support/taisho-seed004';

const TAISHO = { wardName: '大正区' };
const squash = (text: string) => text.replace(/\s+/g, '');
const NERIMA_WORDS = ['戦略計画', 'アクションプラン', '重要業績評価指標', '基本目標'];
/** Reviewable pages of the Taisho PDF, kept with the other screenshots the README lists. */
const ARTIFACTS = resolve(__dirname, '../../docs/screenshots');

describe('a Taisho cycle (seed 004) in its own layout and words, the same in HTML, PDF and Excel', () => {
  const { model, position, streams } = reportModelFrom(TAISHO_SEED_004);
  const publication = publicationFor(position, streams, { version: 1, reason: undefined });
  const doc = taishoDocument(model, TAISHO);
  const cells = [
    ...doc.guide,
    doc.summary,
    ...doc.parts.flatMap((part) => part.issues.flatMap((issue) => issue.strategies.flatMap((s) => s.tables))),
  ]
    .flatMap((table) => [
      table.caption,
      ...table.columns.map((c) => c.header),
      ...table.rows.flatMap((row) => row.cells.map(cellText)),
    ])
    .filter((text) => text.trim() !== '');

  it('renders to the same bytes again, in every format (a published version never changes)', async () => {
    expect(renderReportHtml(model, publication, TAISHO)).toBe(renderReportHtml(model, publication, TAISHO));
    expect(
      (await renderReportPdf(model, publication, TAISHO)).equals(await renderReportPdf(model, publication, TAISHO)),
    ).toBe(true);
    expect(
      (await renderReportXlsx(model, publication, TAISHO)).equals(await renderReportXlsx(model, publication, TAISHO)),
    ).toBe(true);
  });

  describe('HTML', () => {
    const html = renderReportHtml(model, publication, TAISHO);

    it("is titled and worded as seed 004: 経営課題 → 戦略 → 具体的取組, never Nerima's words", () => {
      expect(html).toContain('<h1>大正区 区政運営基本方針の成果目標の達成に向けた取組状況 平成28年度（2016年度）</h1>');
      for (const heading of [
        '第1部　めざす成果および戦略',
        '第2部　具体的取組',
        '経営課題1　「大きな公共を担う活力ある地域社会づくり」に向けて',
        '戦略［9-1］　多様な区民の意見やニーズの的確な把握と区政情報の発信',
      ])
        expect(html).toContain(heading);
      for (const word of NERIMA_WORDS) expect({ word, found: html.includes(word) }).toEqual({ word, found: false });
    });

    it("prints each initiative's 業績目標, 撤退基準, results, 達成状況 and the section's 課題・改善策 in a semantic table", () => {
      expect(html).toContain(
        '<th scope="col">取組内容</th><th scope="col">業績目標</th><th scope="col">撤退基準</th><th scope="col">前年度までの実績</th><th scope="col">取組実績（平成28年度）</th><th scope="col">業績目標の達成状況</th><th scope="col">課題</th><th scope="col">改善策</th>',
      );
      expect(html).toContain(
        '<td>B　目標未達成（取組は予定どおり実施）\nSNS の目標値に届かなかった。</td><td>平成29年1月にリニューアルしたホームページにおいては',
      );
      expect(html).toContain('<td>B　撤退基準未達成（取組を予定どおり実施しなかった）\n同意率 35%</td>');
      expect(html).toContain('<td>A：順調</td>');
      // A repost keeps its own label and says where from and which part; its rating is the original's.
      expect(html).toContain(
        '<tr class="repost"><th scope="row">担い手拡大に向けたラウンドテーブル【戦略［7-1］の一部再掲：ラウンドテーブルの開催】',
      );
      expect(html).toContain('<th scope="row">b：順調でない</th><td>ア：有効であり、継続して推進</td>');
      expect(html).toContain('<tr class="group"><th scope="rowgroup" colspan="8">［9-1-5］</th></tr>');
      const ids = [...html.matchAll(/ id="([^"]+)"/g)].map(([, id]) => id);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
      expect(html).toMatch(
        /<nav aria-label="目次">.*<a href="#part-initiatives">第2部\u3000具体的取組（平成28年度（2016年度））<\/a>/s,
      );
    });

    it('holds every cell of the template', () => {
      const text = html
        .replace(/<[^>]+>/g, '')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
      for (const cell of cells) expect({ cell, found: text.includes(cell) }).toEqual({ cell, found: true });
    });

    it('a version published under report-template/2 keeps the layout it was published with', () => {
      expect(renderReportHtml(model, { ...publication, templateVersion: 'report-template/2' }, TAISHO)).toContain(
        '総合戦略・アクションプラン',
      );
    });
  });

  describe('Excel', () => {
    let sheets: Map<string, string[]>;
    beforeAll(async () => {
      const { Workbook } = await import('exceljs');
      const workbook = new Workbook();
      await workbook.xlsx.load(new Uint8Array(await renderReportXlsx(model, publication, TAISHO)).buffer);
      sheets = new Map(
        workbook.worksheets.map((sheet) => {
          const values: string[] = [];
          sheet.eachRow((row) =>
            row.eachCell((cell) => values.push(cell.value instanceof Object ? cell.text : String(cell.value))),
          );
          return [sheet.name, values];
        }),
      );
    });

    it('has one sheet per part, in the order of the report, then the flat open-data sheets', () => {
      expect([...sheets.keys()]).toEqual([
        '表の見方',
        '集計',
        '第1部 めざす成果および戦略',
        '第2部 具体的取組',
        'データ（成果指標）',
        'データ（具体的取組）',
        '公表情報',
      ]);
    });

    it('lays each part out like the report: 経営課題, 戦略, then its tables, in the same words and cells', () => {
      const part2 = sheets.get('第2部 具体的取組')!;
      const at = (text: string) => part2.indexOf(text);
      expect(at('経営課題1　「大きな公共を担う活力ある地域社会づくり」に向けて')).toBeLessThan(
        at(
          '戦略［6-1］　地域に関わる人のすべてが、お互いに支え合いながら、住み慣れた地域で自分らしく暮らせる地域づくり',
        ),
      );
      expect(at('経営課題2　「自律した自治体型の区政運営」に向けて')).toBeGreaterThan(
        at('戦略［7-2］　魅力活性化事業や音楽イベント、緑化事業などを通じて、区民の大正区への愛着心を高める'),
      );
      const all = [...sheets.values()].flat();
      for (const cell of cells)
        expect({
          cell,
          found: all.includes(cell) || all.some((value) => value === String(Number(cell.replace('%', '')) / 100)),
        }).toEqual({ cell, found: true });
      const parts = [...sheets.entries()]
        .filter(([name]) => !name.startsWith('データ') && name !== '公表情報')
        .flatMap(([, values]) => values)
        .join('');
      for (const word of NERIMA_WORDS) expect({ word, found: parts.includes(word) }).toEqual({ word, found: false });
    });
  });

  describe('PDF', () => {
    let pdf: Buffer;
    let pages: string[];
    let dir: string;
    beforeAll(async () => {
      pdf = await renderReportPdf(model, publication, TAISHO);
      pages = pdfPageTexts(pdf).map(squash);
      dir = mkdtempSync(join(tmpdir(), 'pdca-taisho-'));
      writeFileSync(join(dir, 'taisho.pdf'), pdf);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const startOf = (heading: string) => pages.findIndex((page, i) => i > 1 && page.startsWith(squash(heading)));

    it('runs cover, 目次, 表の見方, the summary, Part 1, Part 2, 公表情報 in that order, each part on its own pages', () => {
      expect(pages[0]).toContain(
        squash('大正区 区政運営基本方針の成果目標の達成に向けた取組状況 平成28年度（2016年度）'),
      );
      expect(pages[1]).toMatch(/^目次/);
      const order = ['表の見方', '達成状況の集計', '第1部', '第2部', '公表情報'].map(startOf);
      expect(order.every((page) => page > 1)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      const part1 = pages.slice(startOf('第1部'), startOf('第2部')).join('');
      expect(part1).toContain(squash('アウトカムの達成状況'));
      expect(part1).not.toContain('業績目標の達成状況');
      expect(pages.slice(startOf('第2部'), startOf('公表情報')).join('')).toContain(
        squash('撤退基準未達成（取組を予定どおり実施しなかった）'),
      );
      for (const word of NERIMA_WORDS)
        expect({ word, found: pages.join('').includes(word) }).toEqual({ word, found: false });
    });

    it('ends with 公表情報 and 検証用情報 in a resident’s words: no technical rows for the data position or template', () => {
      const last = pages.slice(startOf('公表情報')).join('');
      expect(last).toContain('検証用情報');
      expect(last).toContain(
        squash(`（通し番号${publication.position}まで）から、様式 ${TEMPLATE_VERSION} で作成しました。`),
      );
      expect(last).not.toMatch(/データ時点|イベント位置|テンプレート版/);
    });

    it("the 目次's page numbers are the pages its entries are on", () => {
      const entries = [...pages[1].matchAll(/([^…]+?)…(\d+)/g)].map(([, label, page]) => ({
        label: label.replace(/^目次/, ''),
        page: Number(page),
      }));
      expect(entries.map((entry) => entry.label)).toEqual(
        expect.arrayContaining([
          '表の見方',
          squash('第2部　具体的取組（平成28年度（2016年度））'),
          squash('経営課題2　「自律した自治体型の区政運営」に向けて'),
          '公表情報',
        ]),
      );
      for (const entry of entries)
        expect({ entry, on: pages[entry.page - 1]?.includes(entry.label) }).toEqual({ entry, on: true });
    });

    it('sets each part heading at the top left of its page (pdftotext -bbox)', () => {
      for (const heading of ['第1部', '第2部']) {
        const page = startOf(heading) + 1;
        const bbox = execFileSync('pdftotext', [
          '-bbox',
          '-f',
          String(page),
          '-l',
          String(page),
          join(dir, 'taisho.pdf'),
          '-',
        ]).toString('utf8');
        const word = bbox.match(new RegExp(`<word xMin="([\\d.]+)" yMin="([\\d.]+)"[^>]*>${heading}`));
        expect(word).not.toBeNull();
        expect(Number(word![1])).toBeLessThan(40);
        expect(Number(word![2])).toBeLessThan(50);
      }
    });

    it('rasterises to one PNG per page (pdftoppm); the cover, 目次 and the first page of Part 2 are kept for review', () => {
      execFileSync('pdftoppm', ['-png', '-r', '60', join(dir, 'taisho.pdf'), join(dir, 'page')]);
      const pngs = readdirSync(dir)
        .filter((name) => name.endsWith('.png'))
        .sort();
      expect(pngs).toHaveLength(pages.length);
      for (const png of pngs) expect(statSync(join(dir, png)).size).toBeGreaterThan(2_000);
      for (const [name, index] of [
        ['cover', 0],
        ['contents', 1],
        ['part2', startOf('第2部')],
      ] as const) {
        copyFileSync(join(dir, pngs[index]), join(ARTIFACTS, `report-taisho-${name}.png`));
      }
    });
  });
});
