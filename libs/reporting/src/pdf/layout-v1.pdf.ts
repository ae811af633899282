import type { PillarSection, ReportModel } from '@pdca/projections';
import { overviewDistribution, pillarDistribution } from '../charts/rating-counts';
import { ratingDistributionChart } from '../charts/rating-distribution.chart';
import { publishedDateLabel, versionLabel } from '../format';
import { LABELS } from '../labels';
import type { PublicationInfo } from '../publication-info';
import { assessmentTable } from '../tables/assessment-table';
import { kpiTable } from '../tables/kpi-table';
import { projectTable } from '../tables/project-table';
import { chainHeadsTable, publicationTable } from '../tables/publication-table';
import { repostOrigins, RepostOrigin } from '../tables/repost-origin';
import { summaryTable } from '../tables/summary-table';
import { drawChart } from './pdf-chart';
import type { PdfCursor } from './pdf-page';
import { drawTable } from './pdf-table';

/**
 * report-template/1, kept unchanged so that versions published with it still render to their bytes:
 * summary first, then per pillar and plan (KPI and action-plan tables interleaved), chain heads last.
 */
export function drawLayoutV1(cursor: PdfCursor, model: ReportModel, publication: PublicationInfo, title: string): void {
  drawCover(cursor, model, publication, title);
  const origins = repostOrigins(model);
  model.pillars.forEach((pillar) => drawPillar(cursor, model, pillar, origins));
  drawPublication(cursor, publication);
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

function drawPillar(
  cursor: PdfCursor,
  model: ReportModel,
  pillar: PillarSection,
  origins: Map<string, RepostOrigin>,
): void {
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
