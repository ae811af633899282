import type { ReportModel } from '@pdca/projections';
import { reportTitle, versionLabel, wardNameOf } from '../format';
import type { PublicationInfo, ReportOptions } from '../publication-info';
import { keepsWithNext, usesLayoutV1, usesTaishoLayout } from '../template-version';
import { taishoDocument } from '../layout/taisho/taisho-template';
import { drawTaishoLayout } from './taisho.pdf';
import { drawLayoutV1 } from './layout-v1.pdf';
import { drawLayoutV2 } from './layout-v2.pdf';
import { PAGE, PdfCursor } from './pdf-page';
import { loadReportFont, reportFontPath } from './report-font';
import { modelForTemplate } from '../layout/comparable-achievement';

export interface PdfOptions extends ReportOptions {
  /** TrueType font with Japanese glyphs; default REPORT_FONT_PATH, then BIZ UDPGothic from its npm package. */
  fontPath?: string;
}

const FONT = 'ReportGothic';

/**
 * The report as an A4 landscape PDF, laid out by the publication's template version. The same input gives
 * the same bytes: dates come from the publication, and pdfkit derives the file ID from them.
 */
export async function renderReportPdf(
  stored: ReportModel,
  publication: PublicationInfo,
  options: PdfOptions = {},
): Promise<Buffer> {
  const model = modelForTemplate(stored, publication.templateVersion);
  const font = loadReportFont(reportFontPath(options.fontPath));
  const { default: PDFDocument } = await import('pdfkit'); // loaded on the first PDF, not at start (~20 MB)
  const published = new Date(publication.publishedAt);
  const taisho = usesTaishoLayout(model.scheme, publication.templateVersion)
    ? taishoDocument(model, options, publication.templateVersion)
    : undefined;
  const title = taisho?.title ?? reportTitle(model, options);
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
  const cursor = new PdfCursor(doc, FONT, font.printable, keepsWithNext(publication.templateVersion));
  cursor.newPage();
  // A version pins its template: one published under report-template/1 keeps its old layout and bytes.
  if (taisho) drawTaishoLayout(cursor, model, publication, taisho, options);
  else if (usesLayoutV1(publication.templateVersion)) drawLayoutV1(cursor, model, publication, title);
  else drawLayoutV2(cursor, model, publication, title, options);
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

/** Title, version and "n / N" on every page, drawn once all pages exist. */
function drawPageFooters(cursor: PdfCursor, label: string): void {
  const { doc } = cursor;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = PAGE.height - PAGE.margin - PAGE.footer / 2;
    cursor.write(label, PAGE.margin, y, { size: 7.5, width: 600, height: 12, color: '#4a4a4a' });
    cursor.write(`${i + 1} / ${range.count}`, PAGE.width - PAGE.margin - 100, y, {
      size: 7.5,
      width: 100,
      height: 12,
      align: 'right',
      color: '#4a4a4a',
    });
  }
}
