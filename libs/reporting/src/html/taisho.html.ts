import { LABELS } from '../labels';
import type { TaishoDocument, TaishoPart } from '../layout/taisho/taisho-template';
import { cellAnchor } from '../provenance/provenance-html';
import type { ReportOptions } from '../publication-info';
import { escapeHtml } from './escape';
import { figureHtml } from './figure.html';
import { tableHtml } from './html-table';

const READING_GUIDE = '表の見方';

/** The Taisho layout's 目次: 表の見方, the summary, each part with its 経営課題 and 戦略, 公表情報. */
export function taishoContentsHtml(doc: TaishoDocument): string {
  const link = (id: string, text: string) => `<a href="#${escapeHtml(id)}">${escapeHtml(text)}</a>`;
  const parts = doc.parts
    .filter((part) => part.issues.length > 0)
    .map((part) => {
      const issues = part.issues
        .map(
          (issue) =>
            `<li>${link(issue.id, issue.heading)}<ul>${issue.strategies.map((s) => `<li>${link(s.id, s.heading)}</li>`).join('')}</ul></li>`,
        )
        .join('');
      return `<li>${link(`part-${part.key}`, part.heading)}<ul>${issues}</ul></li>`;
    });
  return `<nav aria-label="目次"><ul><li>${link('reading-guide', READING_GUIDE)}</li><li>${link('summary', doc.summary.caption)}</li>${parts.join('')}<li>${link('publication-heading', LABELS.publicationHeading)}</li></ul></nav>`;
}

/** 表の見方, the summary (its numbers linked to their provenance when the page knows where), Part 1, Part 2. */
export function taishoBodyHtml(doc: TaishoDocument, options: ReportOptions): string {
  const linkOf = options.provenanceHref ? (key: string) => `${options.provenanceHref}#${cellAnchor(key)}` : undefined;
  return [
    `<section id="reading-guide" aria-labelledby="reading-guide-heading"><h2 id="reading-guide-heading">${READING_GUIDE}</h2>${doc.guide.map((table) => tableHtml(table, 'report-table guide-table')).join('')}</section>`,
    `<section id="summary" aria-labelledby="summary-heading"><h2 id="summary-heading">${escapeHtml(doc.summary.caption)}</h2>${tableHtml(doc.summary, 'report-table summary-table', linkOf)}</section>`,
    ...doc.parts.map(partHtml),
  ].join('\n');
}

function partHtml(part: TaishoPart): string {
  if (part.issues.length === 0) return '';
  const section = (id: string, level: number, heading: string, body: string, className: string) =>
    `<section class="${className}" id="${escapeHtml(id)}" aria-labelledby="${escapeHtml(id)}-heading"><h${level} id="${escapeHtml(id)}-heading">${escapeHtml(heading)}</h${level}>${body}</section>`;
  const issues = part.issues.map((issue) =>
    section(
      issue.id,
      3,
      issue.heading,
      issue.strategies
        .map((strategy) =>
          section(
            strategy.id,
            4,
            strategy.heading,
            [...strategy.tables.map((table) => tableHtml(table)), ...strategy.charts.map(figureHtml)].join(''),
            'plan',
          ),
        )
        .join(''),
      'pillar',
    ),
  );
  return section(`part-${part.key}`, 2, part.heading, issues.join(''), 'part');
}
