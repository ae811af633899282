import { execFileSync } from 'node:child_process';
import { buildReportModel, ReportModel } from '@pdca/projections';
import { PublicationInfo, renderReportPdf, TEMPLATE_VERSION } from '@pdca/reporting';
import { LABELS } from '../../libs/reporting/src/labels';
import { readingGuideTables } from '../../libs/reporting/src/layout/reading-guide';
import { reportParts } from '../../libs/reporting/src/layout/report-parts';
import { taishoDocument } from '../../libs/reporting/src/layout/taisho/taisho-template';
import { PAGE, PdfCursor } from '../../libs/reporting/src/pdf/pdf-page';
import { drawTable } from '../../libs/reporting/src/pdf/pdf-table';
import { loadReportFont, reportFontPath } from '../../libs/reporting/src/pdf/report-font';
import { assessmentTable } from '../../libs/reporting/src/tables/assessment-table';
import { kpiTable } from '../../libs/reporting/src/tables/kpi-table';
import { projectTable } from '../../libs/reporting/src/tables/project-table';
import { repostOrigins } from '../../libs/reporting/src/tables/repost-origin';
import { cellText, Table } from '../../libs/reporting/src/tables/table';
import { fyR4History } from './support/fy-r4-history';
import { publicationFor, reportModelFrom } from './support/report-fixture';
import { TAISHO_SEED_004 } from './support/taisho-seed004';

const squash = (text: string) => text.replace(/\s+/g, '');
/** Below this the page's footer starts (pdf-page: the body ends a footer's height above the margin). */
const BODY_END = PAGE.height - PAGE.margin - PAGE.footer;

/** The lowest line of each page's body, read back with pdftotext -bbox (words grouped by their top). */
function lastLines(pdf: Buffer): string[] {
  const xml = execFileSync('pdftotext', ['-bbox', '-', '-'], { input: pdf, maxBuffer: 64 * 1024 * 1024 }).toString();
  return xml
    .split('<page ')
    .slice(1)
    .map((page) => {
      const words = [...page.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)]
        .map(([, top, bottom, word]) => ({ top: Number(top), bottom: Number(bottom), word }))
        .filter((word) => word.bottom < BODY_END);
      const lowest = Math.max(...words.map((word) => word.top));
      return squash(
        words
          .filter((word) => Math.abs(word.top - lowest) < 1)
          .map((word) => word.word)
          .join(''),
      );
    });
}

/** Every heading, table caption and numbered section row of the Nerima layout, as printed. */
function nerimaHeadings(model: ReportModel, templateVersion: string): string[] {
  const origins = repostOrigins(model);
  const texts = [LABELS.summaryHeading, ...readingGuideTables(model, templateVersion).map((table) => table.caption)];
  for (const part of reportParts(model)) {
    texts.push(part.heading);
    for (const { pillar, plans } of part.pillars) {
      texts.push(`${LABELS.pillar}${pillar.code}：${pillar.title}`);
      for (const plan of plans) {
        texts.push(`${LABELS.plan}${plan.code}：${plan.title}`);
        const tables = [kpiTable(model, plan), projectTable(model, plan, origins), assessmentTable(plan)];
        for (const table of tables.filter((t): t is Table => t !== undefined)) texts.push(...headingsOf(table));
      }
    }
  }
  return texts.map(squash);
}

const headingsOf = (table: Table) => [
  table.caption,
  `${table.caption}（続き）`,
  ...table.rows.filter((row) => row.kind === 'group').map((row) => cellText(row.cells[0])),
];

const VERIFICATION = {
  address: 'https://ku.example/public/wards/nerima/reports',
  fingerprint: `sha256:${'0'.repeat(64)}`,
};

describe(`PDF pagination (${TEMPLATE_VERSION}): headings stay with what they head, no row of a table alone`, () => {
  it('given the FY R4 reference, no page ends with a heading, a table caption or a numbered section row', async () => {
    const { ward, events, wardId, fiscalYear } = await fyR4History();
    const model = buildReportModel(ward, wardId, fiscalYear)!;
    const publication: PublicationInfo = {
      version: 1,
      publishedAt: '2023-09-01T01:00:00.000Z',
      position: events.length,
      templateVersion: TEMPLATE_VERSION,
      chainHeads: {},
      status: 'published',
      verification: VERIFICATION,
    };
    const headings = new Set(nerimaHeadings(model, TEMPLATE_VERSION));
    const ends = lastLines(await renderReportPdf(model, publication, { wardName: '練馬区' }));
    expect(ends.length).toBeGreaterThan(40);
    expect(ends.filter((line) => headings.has(line))).toEqual([]);
    // Pinned to report-template/4, the same reference left headings and section rows at page ends.
    const pinned = lastLines(
      await renderReportPdf(model, { ...publication, templateVersion: 'report-template/4' }, { wardName: '練馬区' }),
    );
    expect(pinned.filter((line) => headings.has(line)).length).toBeGreaterThan(0);
  }, 60_000);

  it('given seed 004 (Taisho), no page ends with a 経営課題 or 戦略 heading or a table caption', async () => {
    const { model, position, streams } = reportModelFrom(TAISHO_SEED_004);
    const publication = { ...publicationFor(position, streams, { version: 1 }), verification: VERIFICATION };
    const doc = taishoDocument(model, { wardName: '大正区' });
    const tables = [
      ...doc.guide,
      doc.summary,
      ...doc.parts.flatMap((part) => part.issues.flatMap((issue) => issue.strategies.flatMap((s) => s.tables))),
    ];
    const headings = new Set(
      [
        ...doc.parts.flatMap((part) => [
          part.heading,
          ...part.issues.flatMap((issue) => [issue.heading, ...issue.strategies.map((s) => s.heading)]),
        ]),
        ...tables.flatMap(headingsOf),
      ].map(squash),
    );
    const ends = lastLines(await renderReportPdf(model, publication, { wardName: '大正区' }));
    expect(ends.filter((line) => headings.has(line))).toEqual([]);
  });

  describe('a long table with numbered sections, started at every height of a page', () => {
    const font = loadReportFont(reportFontPath());
    /** 7 sections of a heading row and five rows: 42 rows, more than a page. */
    const table: Table = {
      id: 'sweep',
      caption: '表の題',
      columns: [
        { header: '取組名', width: 40 },
        { header: '実績', width: 40 },
      ],
      rows: Array.from({ length: 7 }, (_, s) => [
        { kind: 'group' as const, cells: [`節S${s + 1}`] },
        ...Array.from({ length: 5 }, (_, r) => ({ kind: 'body' as const, cells: [`行R${s * 5 + r + 1}`, '実施'] })),
      ]).flat(),
    };

    /** Each page's markers in order: H (the heading), S… (section rows), R… (rows). */
    async function pagesFrom(top: number, keepWithNext: boolean): Promise<string[][]> {
      const { default: PDFDocument } = await import('pdfkit');
      const doc = new PDFDocument({ autoFirstPage: false, bufferPages: true });
      doc.registerFont('F', font.bytes);
      const chunks: Buffer[] = [];
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
      const cursor = new PdfCursor(doc, 'F', font.printable, keepWithNext);
      cursor.newPage();
      cursor.y = top;
      cursor.heading('見出しH', 11);
      drawTable(cursor, table);
      doc.end();
      const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: await done }).toString();
      return text
        .split('\f')
        .filter((page) => page.trim())
        .map((page) => [...page.matchAll(/見出し(H)|節(S\d+)|行(R\d+)/g)].map((m) => m[1] ?? m[2] ?? m[3]));
    }

    /** What a printer would reject on the pages of one rendering. */
    const faults = (pages: string[][]) =>
      pages.flatMap((markers, i) => {
        const rows = markers.filter((m) => m.startsWith('R'));
        const found: string[] = [];
        if (markers.length > 0 && rows.length < 2) found.push(`page ${i + 1}: ${rows.length} row(s) alone`);
        if (markers.at(-1)?.startsWith('S')) found.push(`page ${i + 1}: ends with section row ${markers.at(-1)}`);
        if (markers.at(-1) === 'H') found.push(`page ${i + 1}: ends with the heading`);
        return found;
      });
    const tops = Array.from({ length: 40 }, (_, i) => PAGE.margin + i * 12);

    it('keeps the heading with the first rows, a section row with its first row, and never one row alone', async () => {
      for (const top of tops) {
        const pages = await pagesFrom(top, true);
        expect({ top, faults: faults(pages) }).toEqual({ top, faults: [] });
        expect(pages.flat().filter((m) => m.startsWith('R'))).toHaveLength(35);
      }
    });

    it('given a version pinned before report-template/5 (no keep-with-next), some start heights break these rules', async () => {
      const broken: string[] = [];
      for (const top of tops) broken.push(...faults(await pagesFrom(top, false)));
      // Each rule is broken at some height: a section row last on a page, and a row alone on one.
      expect(broken.some((fault) => fault.includes('ends with section row'))).toBe(true);
      expect(broken.some((fault) => fault.includes('1 row(s) alone'))).toBe(true);
    });
  });
});
