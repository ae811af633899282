import type { PillarSection, ReportModel } from '@pdca/projections';
import { overviewDistribution, pillarDistribution } from '../charts/rating-counts';
import { ratingDistributionChart } from '../charts/rating-distribution.chart';
import { publishedDateLabel, reportTitle, versionLabel, wardNameOf } from '../format';
import { LABELS } from '../labels';
import type { PublicationInfo, ReportOptions } from '../publication-info';
import { assessmentTable } from '../tables/assessment-table';
import { kpiTable } from '../tables/kpi-table';
import { projectTable } from '../tables/project-table';
import { chainHeadsTable, publicationTable } from '../tables/publication-table';
import { repostOrigins, RepostOrigin } from '../tables/repost-origin';
import { summaryTable } from '../tables/summary-table';
import { drawChart } from './pdf-chart';
import { PAGE, PdfCursor } from './pdf-page';
import { drawTable } from './pdf-table';
import { loadReportFont, reportFontPath } from './report-font';

export interface PdfOptions extends ReportOptions {
  /** TrueType font with Japanese glyphs; default REPORT_FONT_PATH, then BIZ UDPGothic from its npm package. */
  fontPath?: string;
}

const FONT = 'ReportGothic';

/**
 * The report as an A4 landscape PDF: summary first, then per pillar and plan. The same input gives
 * the same bytes: dates come from the publication, and pdfkit derives the file ID from them.
 */
export async function renderReportPdf(model: ReportModel, publication: PublicationInfo, options: PdfOptions = {}): Promise<Buffer> {
  const font = loadReportFont(reportFontPath(options.fontPath));
  const { default: PDFDocument } = await import('pdfkit'); // loaded on the first PDF, not at start (~20 MB)
  const published = new Date(publication.publishedAt);
  const title = reportTitle(model, options);
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    lang: 'ja-JP',
    displayTitle: true,
    info: {
      Title: title,
      Author: wardNameOf(model, options),
      Subject: `${versionLabel(publication.version)} ${publication.templateVersion} position ${publication.position}`,
      Creator: 'pdca-review',
      CreationDate: published,
      ModDate: published,
    },
  });
  doc.registerFont(FONT, font.bytes);
  const done = collect(doc);
  const cursor = new PdfCursor(doc, FONT, font.printable);
  cursor.newPage();
  drawCover(cursor, model, publication, title);
  const origins = repostOrigins(model);
  model.pillars.forEach((pillar) => drawPillar(cursor, model, pillar, origins));
  drawPublication(cursor, publication);
  drawPageFooters(cursor, `${title}　${versionLabel(publication.version)}`);
  doc.end();
  return done;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function drawCover(cursor: PdfCursor, model: ReportModel, publication: PublicationInfo, title: string): void {
  cursor.heading(title, 16);
  cursor.paragraph(`${versionLabel(publication.version)}　${publishedDateLabel(publication)}`, 10);
  if (publication.status === 'draft') cursor.paragraph(`【${LABELS.draftBanner}】`, 11);
  cursor.y += 6;
  drawTable(cursor, summaryTable(model));
  cursor.paragraph('基本目標別の進捗状況の内訳（再掲を除く）', 9.5);
  drawChart(cursor, ratingDistributionChart(overviewDistribution(model), 'overview', '基本目標別の進捗状況の内訳'));
}

function drawPillar(cursor: PdfCursor, model: ReportModel, pillar: PillarSection, origins: Map<string, RepostOrigin>): void {
  cursor.newPage();
  const heading = `${LABELS.pillar}${pillar.code}：${pillar.title}`;
  const bookmark = cursor.doc.outline.addItem(heading);
  cursor.heading(heading, 14);
  drawChart(cursor, ratingDistributionChart(pillarDistribution(model, pillar), pillar.pillarId, heading));
  for (const plan of pillar.plans) {
    const planHeading = `${LABELS.plan}${plan.code}：${plan.title}`;
    cursor.heading(planHeading, 12);
    bookmark.addItem(planHeading);
    if (plan.kpis.length) drawTable(cursor, kpiTable(model, plan));
    if (plan.projects.length) drawTable(cursor, projectTable(model, plan, origins));
    const assessment = assessmentTable(plan);
    if (assessment) drawTable(cursor, assessment);
  }
}

/** The PDF has no disclosure widget, so every chain head is listed in full. */
function drawPublication(cursor: PdfCursor, publication: PublicationInfo): void {
  cursor.newPage();
  cursor.doc.outline.addItem(LABELS.publicationHeading);
  cursor.heading(LABELS.publicationHeading, 14);
  drawTable(cursor, publicationTable(publication));
  drawTable(cursor, chainHeadsTable(publication, { full: true, id: 'chain-heads' }));
}

/** Title, version and "n / N" on every page, drawn once all pages exist. */
function drawPageFooters(cursor: PdfCursor, label: string): void {
  const { doc } = cursor;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = PAGE.height - PAGE.margin - PAGE.footer / 2;
    cursor.write(label, PAGE.margin, y, { size: 7.5, width: 600, height: 12, color: '#4a4a4a' });
    cursor.write(`${i + 1} / ${range.count}`, PAGE.width - PAGE.margin - 100, y, { size: 7.5, width: 100, height: 12, align: 'right', color: '#4a4a4a' });
  }
}
