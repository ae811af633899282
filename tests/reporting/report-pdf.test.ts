import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultReportFontPath, renderReportPdf, ReportFontMissingError, TEMPLATE_VERSION } from '@pdca/reporting';
import { pdfPageTexts } from './support/pdf-text';
import { publicationFor, reportModelFrom } from './support/report-fixture';
import { NERIMA_WARD } from './support/nerima-ward';
import { NERIMA, nerimaReport } from './support/reports';

const VERIFICATION = {
  address: 'https://ku.example/public/wards/nerima/reports',
  fingerprint: `sha256:4f2a${'0'.repeat(60)}`,
  checkpoint: {
    treeSize: 1234,
    rootHash: 'q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=',
    keyId: 'c0ffee01',
    time: '2023-09-14T01:00:00.000Z',
  },
};

// The font ships with `npm install` (@expo-google-fonts/biz-udpgothic): these tests never skip.
const fontPath = defaultReportFontPath();

/** pdfjs separates text runs (table cells) with spaces; compare without any whitespace. */
const squash = (text: string) => text.replace(/\s+/g, '');
const pagesOf = (pdf: Buffer) => pdfPageTexts(pdf).map(squash);

describe(`renderReportPdf (font ${fontPath})`, () => {
  const { model, publication } = nerimaReport();
  let pdf: Buffer;
  let pages: string[];

  beforeAll(async () => {
    pdf = await renderReportPdf(model, publication, NERIMA);
    pages = pagesOf(pdf);
  });

  it('is an A4 landscape PDF whose text a reader can search in Japanese, rare kanji included', () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 841.89 595.28]');
    const text = pages.join('');
    for (const expected of [
      '令和4年度（2022年度）末の進捗状況',
      '計画以上に進んだもの',
      '遅れや修正が生じたもの',
      '子ども家庭支援センターの専門職員の増員',
      '担当 髙橋・山﨑',
      '【戦略計画2-1(1)の再掲】',
      '第2版',
      '令和5年9月14日（2023年9月14日）',
      TEMPLATE_VERSION,
    ]) {
      expect(text).toContain(squash(expected));
    }
  });

  it("follows the ward's order: cover, 目次, 表の見方, summary, Part 1 (KPIs), Part 2 (action plan), appendix", () => {
    expect(pages[0]).toContain(squash('練馬区 総合戦略・アクションプラン 令和4年度（2022年度）末の進捗状況'));
    expect(pages[0]).toContain(squash('令和5年9月14日（2023年9月14日）発行'));
    expect(pages[0]).toContain('練馬区企画部企画課');
    expect(pages[1]).toMatch(/^目次/);
    expect(pages[2]).toMatch(/^表の見方/);
    expect(pages[2]).toContain('計画以上に進んだもの');
    expect(pages[2]).toContain('新型コロナウイルス感染症の感染拡大による影響を受けたもの');
    const startOf = (heading: string) => pages.findIndex((page) => page.startsWith(squash(heading)));
    const order = [
      '進捗状況の集計',
      '第1部',
      '基本目標Ⅳ：安全・快適、みどりあふれるまち',
      '第2部',
      '付録改ざん検知のための記録',
    ].map((heading) => pages.findIndex((page, i) => i > 2 && page.startsWith(squash(heading))));
    expect(order.every((page) => page > 2)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Part 1 holds only KPI tables, Part 2 only the action plan: no interleaving per plan.
    const part1 = pages.slice(startOf('第1部'), startOf('第2部')).join('');
    const part2 = pages.slice(startOf('第2部'), startOf('付録')).join('');
    expect(part1).toContain(squash('戦略計画1 重要業績評価指標（KPI）'));
    expect(part1).not.toContain(squash('アクションプラン［年度別取組計画］取組名'));
    expect(part2).toContain(squash('戦略計画1 アクションプラン［年度別取組計画］'));
    expect(part2).not.toContain(squash('重要業績評価指標（KPI）指標'));
    expect(pages.join('')).not.toContain('対象なし');
  });

  it("prints 内訳 once under B, as the ward's table does", () => {
    const summary = pages.find((page) => page.startsWith('進捗状況の集計'))!;
    const table = summary.slice(0, summary.indexOf('合計10100%'));
    expect(table).toContain('B遅れや修正が生じたもの33');
    expect(table.match(/内訳/g)).toHaveLength(1);
  });

  it("the 目次's page numbers are the pages the headings start on", () => {
    const entries = [...pages[1].matchAll(/([^…]+?)…(\d+)/g)].map(([, label, page]) => ({
      label: label.replace(/^目次/, ''),
      page: Number(page),
    }));
    expect(entries.map((entry) => entry.label)).toEqual(
      expect.arrayContaining([
        '表の見方',
        '進捗状況の集計',
        squash('基本目標Ⅰ：子どもたちの笑顔輝くまち'),
        '付録改ざん検知のための記録',
      ]),
    );
    for (const entry of entries)
      expect({ entry, starts: pages[entry.page - 1].includes(entry.label) }).toEqual({ entry, starts: true });
  });

  it('ends with the short appendix: one sentence, the publication and one line to verify it by, no table of hashes', async () => {
    const appendix = pages.slice(pages.findIndex((page) => page.startsWith('付録'))).join('');
    expect(appendix).toContain('改ざんを検知できるよう');
    expect(pages.join('')).not.toContain('監査チェーンの先頭');
    const verified = pagesOf(await renderReportPdf(model, { ...publication, verification: VERIFICATION }, NERIMA));
    const line = verified
      .slice(verified.findIndex((page) => page.startsWith('付録')))
      .join('')
      .replace(/\s+/g, '');
    for (const part of ['検証用情報', 'sha256:4f2a', 'チェックポイント：1234件', 'c0ffee01'])
      expect(line).toContain(part);
    // The data position and template are in the block's words, not technical rows (report-template/5).
    expect(line).toContain(
      squash(`（通し番号${publication.position}まで）から、様式 ${TEMPLATE_VERSION} で作成しました。`),
    );
    expect(line).not.toMatch(/データ時点|イベント位置|テンプレート版/);
  });

  it('rasterises to one PNG per page (pdftoppm); REPORT_PAGES_DIR keeps them for review', () => {
    const dir = process.env.REPORT_PAGES_DIR ?? mkdtempSync(join(tmpdir(), 'pdca-pages-'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'nerima.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '60', join(dir, 'nerima.pdf'), join(dir, 'page')]);
    const pngs = readdirSync(dir).filter((name) => name.endsWith('.png'));
    expect(pngs).toHaveLength(pages.length);
    for (const png of pngs) expect(statSync(join(dir, png)).size).toBeGreaterThan(2_000);
    if (!process.env.REPORT_PAGES_DIR) rmSync(dir, { recursive: true, force: true });
  });

  it('a version published under report-template/1 keeps its old layout (and bytes)', async () => {
    const old = pagesOf(await renderReportPdf(model, { ...publication, templateVersion: 'report-template/1' }, NERIMA));
    expect(old[0]).toMatch(/進捗状況の集計[^]*合計10100%/);
    expect(old[1]).toMatch(/^基本目標Ⅰ：子どもたちの笑顔輝くまち/);
    expect(old.at(-1)).toContain('監査チェーンの先頭');
  });

  it('gives the same bytes for the same publication, and dates the file by it', async () => {
    const again = await renderReportPdf(model, publication, NERIMA);
    expect(again.equals(pdf)).toBe(true);
    expect(pdf.toString('latin1')).toMatch(
      /\/CreationDate \d+ 0 R[^]*\(D:20230914010000Z\)|\(D:20230914010000Z\)[^]*\/CreationDate/,
    );
    const later = await renderReportPdf(model, { ...publication, publishedAt: '2023-09-15T01:00:00.000Z' }, NERIMA);
    expect(later.equals(pdf)).toBe(false);
  });

  it('repeats the caption and header row when a table runs over pages', async () => {
    const many = Array.from({ length: 70 }, (_, i) => ({
      ...NERIMA_WARD.projects[6],
      project: {
        ...NERIMA_WARD.projects[6].project,
        projectId: `P12-${100 + i}`,
        name: `取組${i + 1}`,
        home: { planId: 'plan-12', sectionNo: '9', sectionTitle: '多数の取組' },
      },
    }));
    const big = reportModelFrom({ ...NERIMA_WARD, projects: [...NERIMA_WARD.projects, ...many] });
    const texts = pagesOf(await renderReportPdf(big.model, publicationFor(big.position, big.streams), NERIMA));
    const continued = texts.filter((page) =>
      page.includes('戦略計画12アクションプラン［年度別取組計画］（続き）取組名目標'),
    );
    expect(continued.length).toBeGreaterThanOrEqual(1);
    expect(texts.join('')).toContain('取組70');
  });
});

describe('a character the font lacks', () => {
  it('prints 〓 (geta) for it, and everything else as it is', async () => {
    const base = NERIMA_WARD.projects[6];
    const named = { ...base, project: { ...base.project, projectId: 'P12-900', name: '𠮷野町の髙﨑公園' } };
    const report = reportModelFrom({ ...NERIMA_WARD, projects: [...NERIMA_WARD.projects, named] });
    const text = pagesOf(
      await renderReportPdf(report.model, publicationFor(report.position, report.streams), NERIMA),
    ).join('');
    expect(text).toContain('〓野町の髙﨑公園');
    expect(text).not.toContain('𠮷');
  });
});

describe('renderReportPdf without a usable font', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdca-font-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const { model, publication } = nerimaReport();
  const fails = async (path: string) => {
    const rendering = renderReportPdf(model, publication, { fontPath: path });
    await expect(rendering).rejects.toBeInstanceOf(ReportFontMissingError);
    await expect(rendering).rejects.toMatchObject({ code: 'REPORT_FONT_UNAVAILABLE', kind: 'unavailable' });
    await expect(rendering).rejects.toThrow(/REPORT_FONT_PATH/);
  };

  it('a missing file is REPORT_FONT_UNAVAILABLE (a 503 at the API), naming REPORT_FONT_PATH', () =>
    fails('/nonexistent/font.ttf'));

  it('a file that is no font, or a truncated one, too', async () => {
    writeFileSync(join(dir, 'garbage.ttf'), 'not a font at all');
    writeFileSync(join(dir, 'truncated.ttf'), readFileSync(fontPath).subarray(0, 5_000));
    await fails(join(dir, 'garbage.ttf'));
    await fails(join(dir, 'truncated.ttf'));
  });

  it('REPORT_FONT_PATH overrides the packaged font', async () => {
    copyFileSync(fontPath, join(dir, 'own.ttf'));
    const saved = process.env.REPORT_FONT_PATH;
    try {
      process.env.REPORT_FONT_PATH = join(dir, 'garbage.ttf');
      await expect(renderReportPdf(model, publication)).rejects.toBeInstanceOf(ReportFontMissingError);
      process.env.REPORT_FONT_PATH = join(dir, 'own.ttf');
      expect((await renderReportPdf(model, publication)).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      if (saved === undefined) delete process.env.REPORT_FONT_PATH;
      else process.env.REPORT_FONT_PATH = saved;
    }
  });
});
