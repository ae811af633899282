import type { ReportModel } from '@pdca/projections';
import { overviewDistribution } from '../charts/rating-counts';
import { ratingDistributionChart } from '../charts/rating-distribution.chart';
import { summaryTrendChart } from '../charts/trend-charts';
import { publishedDateLabel, reportTitle, versionLabel } from '../format';
import { LABELS } from '../labels';
import type { PublicationInfo, ReportOptions } from '../publication-info';
import { repostOrigins } from '../tables/repost-origin';
import { summaryTable } from '../tables/summary-table';
import { escapeHtml } from './escape';
import { figureHtml } from './figure.html';
import { tableHtml } from './html-table';
import { pillarAnchor, pillarHeading, pillarSectionHtml, planAnchor, planHeading } from './plan-section.html';
import { publicationFooterHtml, VERIFICATION_BLOCK_CSS } from './publication-footer.html';
import { REPORT_CSS } from './report-styles';
import { usesLayoutV1, usesVerificationBlock } from '../template-version';
import { layoutV2Html, tableOfContentsV2 } from './layout-v2.html';
import { cellAnchor } from '../provenance/provenance-html';
import { usesTaishoLayout } from '../template-version';
import { taishoDocument } from '../layout/taisho/taisho-template';
import { taishoBodyHtml, taishoContentsHtml } from './taisho.html';
import { modelForTemplate } from '../layout/comparable-achievement';

/** The published report as one standalone HTML5 page in Japanese, laid out like seed 002 (template 2: the PDF's order). */
export function renderReportHtml(
  stored: ReportModel,
  publication: PublicationInfo,
  options: ReportOptions = {},
): string {
  const model = modelForTemplate(stored, publication.templateVersion);
  // A Taisho cycle prints in seed 004's own layout and words (report-template/3 on).
  const taisho = usesTaishoLayout(model.scheme, publication.templateVersion)
    ? taishoDocument(model, options, publication.templateVersion)
    : undefined;
  const title = taisho?.title ?? reportTitle(model, options);
  const origins = repostOrigins(model);
  return [
    '<!DOCTYPE html>',
    '<html lang="ja">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    publication.status === 'draft' ? '<meta name="robots" content="noindex">' : '',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_CSS}${usesVerificationBlock(publication.templateVersion) ? VERIFICATION_BLOCK_CSS : ''}</style>`,
    '</head>',
    '<body>',
    '<a class="skip" href="#main">本文へ移動</a>',
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">${escapeHtml(`${versionLabel(publication.version)}　${publishedDateLabel(publication)}`)}</p>`,
    publication.status === 'draft' ? `<p class="draft" role="note">${escapeHtml(LABELS.draftBanner)}</p>` : '',
    taisho
      ? taishoContentsHtml(taisho)
      : usesLayoutV1(publication.templateVersion)
        ? tableOfContents(model)
        : tableOfContentsV2(model),
    '</header>',
    '<main id="main">',
    // A version pins its template: one published under report-template/1 keeps its old order and bytes.
    taisho
      ? taishoBodyHtml(taisho, options)
      : usesLayoutV1(publication.templateVersion)
        ? [
            summarySection(model, options, false),
            ...model.pillars.map((pillar) => pillarSectionHtml(model, pillar, options, origins)),
          ].join('\n')
        : layoutV2Html(model, options, origins, summarySection(model, options, true), publication.templateVersion),
    '</main>',
    publicationFooterHtml(publication),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function summarySection(model: ReportModel, options: ReportOptions, breakdownLabelOnce: boolean): string {
  const overview = ratingDistributionChart(
    overviewDistribution(model),
    'chart-overview',
    '基本目標別の進捗状況の内訳（再掲を除く）',
  );
  return [
    '<section id="summary" aria-labelledby="summary-heading">',
    `<h2 id="summary-heading">${escapeHtml(LABELS.summaryHeading)}</h2>`,
    tableHtml(
      summaryTable(model, 'summary', { breakdownLabelOnce }),
      'report-table summary-table',
      options.provenanceHref ? (key) => `${options.provenanceHref}#${cellAnchor(key)}` : undefined,
    ),
    figureHtml(overview),
    figureHtml(summaryTrendChart(model, options.history, 'chart-summary-trend')),
    '</section>',
  ].join('');
}

function tableOfContents(model: ReportModel): string {
  const items = model.pillars.map((pillar) => {
    const plans = pillar.plans
      .map((plan) => `<li><a href="#${escapeHtml(planAnchor(plan))}">${escapeHtml(planHeading(plan))}</a></li>`)
      .join('');
    return `<li><a href="#${escapeHtml(pillarAnchor(pillar))}">${escapeHtml(pillarHeading(pillar))}</a>${plans ? `<ul>${plans}</ul>` : ''}</li>`;
  });
  return `<nav aria-label="目次"><ul><li><a href="#summary">${escapeHtml(LABELS.summaryHeading)}</a></li>${items.join('')}<li><a href="#publication-heading">${escapeHtml(LABELS.publicationHeading)}</a></li></ul></nav>`;
}
