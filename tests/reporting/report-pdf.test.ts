import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultReportFontPath, renderReportPdf, ReportFontMissingError, TEMPLATE_VERSION } from '@pdca/reporting';
import { pdfPageTexts } from './support/pdf-text';
import { publicationFor, reportModelFrom } from './support/report-fixture';
import { NERIMA_WARD } from './support/nerima-ward';
import { NERIMA, nerimaReport } from './support/reports';

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
    for (const expected of ['令和4年度（2022年度）末の進捗状況', '計画以上に進んだもの', '遅れや修正が生じたもの', '子ども家庭支援センターの専門職員の増員', '担当 髙橋・山﨑', '【戦略計画2-1(1)の再掲】', '第2版', '令和5年9月14日（2023年9月14日）', TEMPLATE_VERSION]) {
      expect(text).toContain(squash(expected));
    }
  });

  it('starts with the summary table and its chart, then a page per pillar', () => {
    expect(pages[0]).toMatch(/進捗状況の集計[^]*合計10100%/);
    expect(pages[0]).toContain('A+1');
    expect(pages[1]).toMatch(/^基本目標Ⅰ：子どもたちの笑顔輝くまち/);
    expect(pages.some((page) => page.startsWith('基本目標Ⅳ：安全・快適、みどりあふれるまち'))).toBe(true);
    expect(pages.at(-1)).toContain('監査チェーンの先頭');
  });

  it('gives the same bytes for the same publication, and dates the file by it', async () => {
    const again = await renderReportPdf(model, publication, NERIMA);
    expect(again.equals(pdf)).toBe(true);
    expect(pdf.toString('latin1')).toMatch(/\/CreationDate \d+ 0 R[^]*\(D:20230914010000Z\)|\(D:20230914010000Z\)[^]*\/CreationDate/);
    const later = await renderReportPdf(model, { ...publication, publishedAt: '2023-09-15T01:00:00.000Z' }, NERIMA);
    expect(later.equals(pdf)).toBe(false);
  });

  it('repeats the caption and header row when a table runs over pages', async () => {
    const many = Array.from({ length: 70 }, (_, i) => ({
      ...NERIMA_WARD.projects[6],
      project: { ...NERIMA_WARD.projects[6].project, projectId: `P12-${100 + i}`, name: `取組${i + 1}`, home: { planId: 'plan-12', sectionNo: '9', sectionTitle: '多数の取組' } },
    }));
    const big = reportModelFrom({ ...NERIMA_WARD, projects: [...NERIMA_WARD.projects, ...many] });
    const texts = pagesOf(await renderReportPdf(big.model, publicationFor(big.position, big.streams), NERIMA));
    const continued = texts.filter((page) => page.includes('戦略計画12アクションプラン［年度別取組計画］（続き）取組名目標'));
    expect(continued.length).toBeGreaterThanOrEqual(1);
    expect(texts.join('')).toContain('取組70');
  });
});

describe('a character the font lacks', () => {
  it('prints 〓 (geta) for it, and everything else as it is', async () => {
    const base = NERIMA_WARD.projects[6];
    const named = { ...base, project: { ...base.project, projectId: 'P12-900', name: '𠮷野町の髙﨑公園' } };
    const report = reportModelFrom({ ...NERIMA_WARD, projects: [...NERIMA_WARD.projects, named] });
    const text = pagesOf(await renderReportPdf(report.model, publicationFor(report.position, report.streams), NERIMA)).join('');
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

  it('a missing file is REPORT_FONT_UNAVAILABLE (a 503 at the API), naming REPORT_FONT_PATH', () => fails('/nonexistent/font.ttf'));

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
