import { existsSync } from 'node:fs';
import { DEFAULT_REPORT_FONT_PATH, renderReportPdf, ReportFontMissingError, TEMPLATE_VERSION } from '@pdca/reporting';
import { pdfPageTexts } from './support/pdf-text';
import { publicationFor, reportModelFrom } from './support/report-fixture';
import { NERIMA_WARD } from './support/nerima-ward';
import { NERIMA, nerimaReport } from './support/reports';

const fontPath = process.env.REPORT_FONT_PATH ?? DEFAULT_REPORT_FONT_PATH;
const fontInstalled = existsSync(fontPath);
if (!fontInstalled) console.warn(`PDF rendering tests skipped: no Japanese font at ${fontPath} (apt-get install -y fonts-ipaexfont)`);
const describeWithFont = fontInstalled ? describe : describe.skip;

/** pdfjs separates text runs (table cells) with spaces; compare without any whitespace. */
const squash = (text: string) => text.replace(/\s+/g, '');
const pagesOf = (pdf: Buffer) => pdfPageTexts(pdf).map(squash);

describeWithFont(`renderReportPdf (font ${fontPath})`, () => {
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

describe('renderReportPdf without its font', () => {
  it('fails naming the path and the package to install', async () => {
    const { model, publication } = nerimaReport();
    const rendering = renderReportPdf(model, publication, { fontPath: '/nonexistent/ipaexg.ttf' });
    await expect(rendering).rejects.toBeInstanceOf(ReportFontMissingError);
    await expect(rendering).rejects.toThrow(/\/nonexistent\/ipaexg\.ttf.*fonts-ipaexfont/);
  });
});
