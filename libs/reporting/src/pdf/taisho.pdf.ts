import type { ReportModel } from '@pdca/projections';
import { LABELS } from '../labels';
import type { TaishoDocument } from '../layout/taisho/taisho-template';
import type { PublicationInfo, ReportOptions } from '../publication-info';
import { publicationTable } from '../tables/publication-table';
import { currentPage, drawCover, drawTableOfContents, TocEntry } from './layout-v2.pdf';
import type { PdfCursor } from './pdf-page';
import { drawChart } from './pdf-chart';
import { drawTable } from './pdf-table';
import { drawVerificationBlock } from './verification-block.pdf';
import { verificationBlock } from '../layout/verification-block';
import { usesVerificationBlock } from '../template-version';

/**
 * Seed 004's layout on paper: the cover and 目次 as in the Nerima layout (same helpers, so both read
 * alike), then 表の見方, the summary, Part 1 (めざす成果および戦略) and Part 2 (具体的取組), each
 * 経営課題 on a new page, and 公表情報. Every table comes from the same TaishoDocument as the HTML and Excel.
 */
export function drawTaishoLayout(
  cursor: PdfCursor,
  model: ReportModel,
  publication: PublicationInfo,
  doc: TaishoDocument,
  options: ReportOptions,
): void {
  const toc: TocEntry[] = [];
  // Recorded once the heading is placed: from report-template/5 it waits for the block it heads.
  const section = (label: string, level: TocEntry['level'], size: number) =>
    cursor.heading(label, size, () => {
      toc.push({ label, level, page: currentPage(cursor) });
      cursor.doc.outline.addItem(label);
    });
  drawCover(cursor, model, publication, doc.title, options);
  cursor.newPage();
  const tocPage = currentPage(cursor);

  cursor.newPage();
  section('表の見方', 0, 14);
  doc.guide.forEach((table) => drawTable(cursor, table));

  cursor.newPage();
  section(doc.summary.caption, 0, 14);
  drawTable(cursor, doc.summary);

  for (const part of doc.parts) {
    if (part.issues.length === 0) continue;
    cursor.newPage();
    section(part.heading, 0, 15);
    part.issues.forEach((issue, i) => {
      if (i > 0) cursor.newPage();
      section(issue.heading, 1, 13);
      for (const strategy of issue.strategies) {
        section(strategy.heading, 2, 11);
        strategy.tables.forEach((table) => drawTable(cursor, table));
        for (const chart of strategy.charts) {
          cursor.ensure(260); // the title stays with its chart, as in the Nerima layout
          cursor.heading(`図　${chart.title}`, 10);
          drawChart(cursor, chart);
        }
      }
    });
  }

  cursor.newPage();
  section(LABELS.publicationHeading, 0, 14);
  drawTable(cursor, publicationTable(publication));
  if (usesVerificationBlock(publication.templateVersion)) drawVerificationBlock(cursor, verificationBlock(publication));

  drawTableOfContents(cursor, tocPage, toc);
}
