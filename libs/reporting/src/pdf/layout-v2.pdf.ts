import type { PlanSection, ReportModel } from '@pdca/projections';
import { overviewDistribution, pillarDistribution } from '../charts/rating-counts';
import { ratingDistributionChart } from '../charts/rating-distribution.chart';
import { publishedDateLabel, versionLabel, wardNameOf } from '../format';
import { LABELS } from '../labels';
import { APPENDIX_EXPLANATION, APPENDIX_HEADING, reportParts } from '../layout/report-parts';
import { READING_GUIDE_HEADING, readingGuideTables } from '../layout/reading-guide';
import type { PublicationInfo, ReportOptions } from '../publication-info';
import { assessmentTable } from '../tables/assessment-table';
import { kpiTable } from '../tables/kpi-table';
import { kpiYearsChart, printedKpiYearsTable } from '../layout/kpi-years';
import { usesKpiYears, usesVerificationBlock } from '../template-version';
import { projectTable } from '../tables/project-table';
import { publicationTable } from '../tables/publication-table';
import { repostOrigins } from '../tables/repost-origin';
import { summaryTable } from '../tables/summary-table';
import { drawChart } from './pdf-chart';
import { CONTENT_WIDTH, PAGE, PdfCursor } from './pdf-page';
import { drawTable } from './pdf-table';
import { drawVerificationBlock } from './verification-block.pdf';
import { verificationBlock } from '../layout/verification-block';

export interface TocEntry {
  label: string;
  level: 0 | 1 | 2;
  page: number;
}

/**
 * report-template/2, the ward's own order (seed 002): cover, 目次, 表の見方, the summary, Part 1
 * (KPIs by pillar and plan), Part 2 (the action plan by pillar, plan and numbered section), and a
 * short appendix with the tamper-evidence record. The 目次 page is drawn last, once every page exists.
 */
export function drawLayoutV2(
  cursor: PdfCursor,
  model: ReportModel,
  publication: PublicationInfo,
  title: string,
  options: ReportOptions,
): void {
  const toc: TocEntry[] = [];
  // Recorded once the heading is placed: from report-template/5 it waits for the block it heads.
  const section = (label: string, level: TocEntry['level'], size: number) =>
    cursor.heading(label, size, () => {
      toc.push({ label, level, page: currentPage(cursor) });
      cursor.doc.outline.addItem(label);
    });
  drawCover(cursor, model, publication, title, options);
  cursor.newPage();
  const tocPage = currentPage(cursor);

  cursor.newPage();
  section(READING_GUIDE_HEADING, 0, 14);
  for (const table of readingGuideTables(model, publication.templateVersion)) drawTable(cursor, table);

  cursor.newPage();
  section(LABELS.summaryHeading, 0, 14);
  drawTable(cursor, summaryTable(model, 'summary', { breakdownLabelOnce: true }));
  drawChart(
    cursor,
    ratingDistributionChart(overviewDistribution(model), 'overview', '基本目標別の進捗状況の内訳（再掲を除く）'),
  );

  const origins = repostOrigins(model);
  for (const part of reportParts(model)) {
    if (part.pillars.length === 0) continue;
    cursor.newPage();
    section(part.heading, 0, 15);
    part.pillars.forEach(({ pillar, plans }, i) => {
      if (i > 0) cursor.newPage();
      const heading = `${LABELS.pillar}${pillar.code}：${pillar.title}`;
      if (part.key === 'kpis') section(heading, 1, 13);
      else {
        section(heading, 1, 13);
        drawChart(
          cursor,
          ratingDistributionChart(
            pillarDistribution(model, pillar),
            pillar.pillarId,
            `${heading} の進捗状況の内訳（再掲を除く）`,
          ),
        );
      }
      for (const plan of plans) {
        // Part 2's plans are in the 目次 as in seed 002; Part 1 lists its pillars only.
        if (part.key === 'projects') section(`${LABELS.plan}${plan.code}：${plan.title}`, 2, 11);
        else cursor.heading(`${LABELS.plan}${plan.code}：${plan.title}`, 11);
        if (part.key === 'kpis') {
          drawTable(cursor, kpiTable(model, plan));
          if (usesKpiYears(publication.templateVersion))
            drawKpiYears(cursor, model, plan, options, publication.templateVersion);
        } else {
          if (plan.projects.length) drawTable(cursor, projectTable(model, plan, origins));
          const assessment = assessmentTable(plan);
          if (assessment) drawTable(cursor, assessment);
        }
      }
    });
  }

  cursor.newPage();
  section(APPENDIX_HEADING, 0, 14);
  // One line to verify by (address, fingerprint, checkpoint) instead of a table of hashes (issue 14);
  // from report-template/5 one block worded for a resident, whose first sentence says what it is for.
  const block = usesVerificationBlock(publication.templateVersion);
  if (!block) {
    cursor.paragraph(APPENDIX_EXPLANATION, 9);
    cursor.y += 4;
  }
  drawTable(cursor, publicationTable(publication));
  if (block) drawVerificationBlock(cursor, verificationBlock(publication));

  drawTableOfContents(cursor, tocPage, toc);
}

/** report-template/3: the plan's KPIs over the years (table), then its chart under a printed title. */
function drawKpiYears(
  cursor: PdfCursor,
  model: ReportModel,
  plan: PlanSection,
  options: ReportOptions,
  templateVersion: string,
): void {
  const table = printedKpiYearsTable(model, plan, options.kpiHistory, templateVersion);
  if (!table) return; // report-template/5: one year only would repeat the table above
  drawTable(cursor, table);
  const chart = kpiYearsChart(model, plan, options.kpiHistory, `kpi-years-${plan.planId}`, templateVersion);
  if (!chart) return;
  cursor.ensure(260);
  cursor.heading(`図　${chart.title}`, 10);
  drawChart(cursor, chart);
}

export const currentPage = (cursor: PdfCursor) => {
  const range = cursor.doc.bufferedPageRange();
  return range.start + range.count - 1;
};

/** The cover as the ward prints it: title, year, date of issue (和暦), ward and issuing office. */
export function drawCover(
  cursor: PdfCursor,
  model: ReportModel,
  publication: PublicationInfo,
  title: string,
  options: ReportOptions,
): void {
  const centered = (text: string, size: number, gap: number) => {
    const height = cursor.textHeight(text, size, CONTENT_WIDTH - 120);
    cursor.write(text, PAGE.margin + 60, cursor.y, { size, width: CONTENT_WIDTH - 120, align: 'center' });
    cursor.y += height + gap;
  };
  cursor.y = PAGE.height * 0.26;
  // Broken where the ward breaks it: the plan's name, then the year (never mid-word).
  // Taisho's title ends with the year alone (seed 004), Nerima's with 〜末の進捗状況.
  const year = [`${model.fiscalYearLabel}末の進捗状況`, model.fiscalYearLabel].find((tail) => title.endsWith(tail));
  centered(year ? title.slice(0, -year.length).trim() : title, 22, 6);
  if (year) centered(year, 22, 36);
  centered(`${versionLabel(publication.version)}　${publishedDateLabel(publication)}発行`, 13, 10);
  if (publication.status === 'draft') centered(`【${LABELS.draftBanner}】`, 12, 10);
  cursor.y = PAGE.height * 0.68;
  centered(wardNameOf(model, options), 18, 8);
  if (options.issuingOffice) centered(options.issuingOffice, 12, 8);
}

/** Two columns when the entries would not fit one: the 目次 stays on its one reserved page. */
export function drawTableOfContents(cursor: PdfCursor, page: number, entries: TocEntry[]): void {
  cursor.placeHeld();
  cursor.doc.switchToPage(page);
  cursor.y = PAGE.margin;
  cursor.write('目次', PAGE.margin, cursor.y, { size: 16, width: CONTENT_WIDTH, align: 'center' });
  const top = PAGE.margin + 36;
  const size = 9.5;
  const line = size * 1.75;
  const perColumn = Math.floor((cursor.bottom - top) / line);
  const columns = entries.length > perColumn ? 2 : 1;
  const gap = 24;
  const width = (CONTENT_WIDTH - gap * (columns - 1)) / columns;
  entries.forEach((entry, i) => {
    const column = Math.floor(i / perColumn);
    const x = PAGE.margin + column * (width + gap);
    const y = top + (i % perColumn) * line;
    const indent = entry.level * 14;
    const number = String(entry.page + 1);
    // A long plan title is set a little smaller rather than cut: every entry stays one whole line.
    const room = width - indent - 44;
    const natural = cursor.doc.font(cursor.fontName).fontSize(size).widthOfString(cursor.printable(entry.label));
    const fitted = natural > room ? Math.max(6, (size * room) / natural) : size;
    cursor.write(entry.label, x + indent, y + (size - fitted) / 2, { size: fitted, width: room + 2, height: line });
    cursor.write(`… ${number}`, x + width - 40, y, { size, width: 40, height: line, align: 'right' });
  });
}
