import type { PlanSection, ReportModel } from '@pdca/projections';
import { kpiProgressChart } from '../charts/kpi-progress.chart';
import { pillarDistribution } from '../charts/rating-counts';
import { ratingDistributionChart } from '../charts/rating-distribution.chart';
import { kpiTrendChart } from '../charts/trend-charts';
import { LABELS } from '../labels';
import { READING_GUIDE_HEADING, readingGuide } from '../layout/reading-guide';
import { ReportPart, reportParts } from '../layout/report-parts';
import type { ReportOptions } from '../publication-info';
import { assessmentTable } from '../tables/assessment-table';
import { kpiTable } from '../tables/kpi-table';
import { kpiYearsChart, printedKpiYearsTable } from '../layout/kpi-years';
import { usesKpiYears } from '../template-version';
import { projectTable } from '../tables/project-table';
import type { RepostOrigin } from '../tables/repost-origin';
import { escapeHtml } from './escape';
import { figureHtml } from './figure.html';
import { tableHtml } from './html-table';
import { pillarHeading, planHeading } from './plan-section.html';

const partAnchor = (part: ReportPart) => `part-${part.key}`;
const anchorIn = (part: ReportPart, id: string) => `${part.key}-${id}`;

/** report-template/2 in HTML: the PDF's order (表の見方, summary, Part 1, Part 2), as sections and headings. */
export function layoutV2Html(
  model: ReportModel,
  options: ReportOptions,
  origins: Map<string, RepostOrigin>,
  summary: string,
  templateVersion: string,
): string {
  const kpiYears = usesKpiYears(templateVersion);
  return [
    readingGuideHtml(model, templateVersion),
    summary,
    ...reportParts(model).map((part) => partHtml(model, part, options, origins, kpiYears, templateVersion)),
  ].join('');
}

export function tableOfContentsV2(model: ReportModel): string {
  const parts = reportParts(model)
    .filter((part) => part.pillars.length > 0)
    .map((part) => {
      const pillars = part.pillars
        .map(({ pillar, plans }) => {
          // Part 2's plans are listed as in seed 002's 目次; Part 1 lists its pillars only.
          const planLinks =
            part.key === 'projects'
              ? `<ul>${plans.map((plan) => `<li><a href="#${escapeHtml(anchorIn(part, plan.planId))}">${escapeHtml(planHeading(plan))}</a></li>`).join('')}</ul>`
              : '';
          return `<li><a href="#${escapeHtml(anchorIn(part, pillar.pillarId))}">${escapeHtml(pillarHeading(pillar))}</a>${planLinks}</li>`;
        })
        .join('');
      return `<li><a href="#${partAnchor(part)}">${escapeHtml(part.heading)}</a><ul>${pillars}</ul></li>`;
    });
  return `<nav aria-label="目次"><ul><li><a href="#reading-guide">${READING_GUIDE_HEADING}</a></li><li><a href="#summary">${escapeHtml(LABELS.summaryHeading)}</a></li>${parts.join('')}<li><a href="#publication-heading">${escapeHtml(LABELS.publicationHeading)}</a></li></ul></nav>`;
}

function readingGuideHtml(model: ReportModel, templateVersion: string): string {
  const sections = readingGuide(model, templateVersion).map((section) => {
    const entries = section.entries
      .map(([term, meaning]) =>
        term ? `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(meaning)}</dd>` : `<dd>${escapeHtml(meaning)}</dd>`,
      )
      .join('');
    return `<h3>${escapeHtml(section.heading)}</h3><dl>${entries}</dl>`;
  });
  return `<section id="reading-guide" aria-labelledby="reading-guide-heading"><h2 id="reading-guide-heading">${READING_GUIDE_HEADING}</h2>${sections.join('')}</section>`;
}

function partHtml(
  model: ReportModel,
  part: ReportPart,
  options: ReportOptions,
  origins: Map<string, RepostOrigin>,
  kpiYears: boolean,
  templateVersion: string,
): string {
  if (part.pillars.length === 0) return '';
  const pillars = part.pillars.map(({ pillar, plans }) => {
    const id = anchorIn(part, pillar.pillarId);
    const chart =
      part.key === 'projects'
        ? figureHtml(
            ratingDistributionChart(
              pillarDistribution(model, pillar),
              `chart-pillar-${pillar.pillarId}`,
              `${pillarHeading(pillar)} の進捗状況の内訳（再掲を除く）`,
            ),
          )
        : '';
    const sections = plans.map((plan) => {
      const planId = anchorIn(part, plan.planId);
      const body =
        part.key === 'kpis'
          ? [
              tableHtml(kpiTable(model, plan)),
              figureHtml(
                kpiProgressChart(
                  plan,
                  `chart-kpi-${plan.planId}`,
                  `${LABELS.plan}${plan.code} 指標の現状値・実績・目標値`,
                ),
              ),
              ...(kpiYears
                ? kpiYearsHtml(model, plan, options, templateVersion)
                : plan.kpis.map((kpi) =>
                    figureHtml(kpiTrendChart(model, kpi, options.kpiHistory?.[kpi.kpiId], `chart-trend-${kpi.kpiId}`)),
                  )),
            ]
          : [
              plan.projects.length ? tableHtml(projectTable(model, plan, origins)) : '',
              ((a) => (a ? tableHtml(a, 'report-table assessment-table') : ''))(assessmentTable(plan)),
            ];
      return `<section class="plan" id="${escapeHtml(planId)}" aria-labelledby="${escapeHtml(planId)}-heading"><h4 id="${escapeHtml(planId)}-heading">${escapeHtml(planHeading(plan))}</h4>${body.join('')}</section>`;
    });
    return `<section class="pillar" id="${escapeHtml(id)}" aria-labelledby="${escapeHtml(id)}-heading"><h3 id="${escapeHtml(id)}-heading">${escapeHtml(pillarHeading(pillar))}</h3>${chart}${sections.join('')}</section>`;
  });
  return `<section class="part" id="${partAnchor(part)}" aria-labelledby="${partAnchor(part)}-heading"><h2 id="${partAnchor(part)}-heading">${escapeHtml(part.heading)}</h2>${pillars.join('')}</section>`;
}

/** report-template/3: the plan's multi-year table, then its chart; the chart's data is that table (aria-describedby). */
function kpiYearsHtml(
  model: ReportModel,
  plan: PlanSection,
  options: ReportOptions,
  templateVersion: string,
): string[] {
  const table = printedKpiYearsTable(model, plan, options.kpiHistory, templateVersion);
  if (!table) return []; // report-template/5: one year only would repeat the table above
  const chart = kpiYearsChart(model, plan, options.kpiHistory, `chart-kpi-years-${plan.planId}`, templateVersion);
  const figure = chart
    ? figureHtml(chart).replace('<figure>', `<figure aria-describedby="${escapeHtml(table.id)}">`)
    : '';
  return [tableHtml(table), figure];
}
