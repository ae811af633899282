import type { KpiRow, PillarSection, PlanSection, ProjectRow, ReportModel } from '@pdca/projections';
import type { TaishoRating } from '@pdca/review';
import { warekiFiscalYear } from '@pdca/kernel';
import { LABELS } from '../../labels';
import type { ReportOptions } from '../../publication-info';
import { kpiValueCells } from '../../tables/kpi-table';
import { summaryTable } from '../../tables/summary-table';
import { repostOrigins, RepostOrigin } from '../../tables/repost-origin';
import type { Row, Table } from '../../tables/table';
import type { Chart } from '../../charts/scene';
import { TEMPLATE_VERSION, usesFlatDataV4 } from '../../template-version';
import { taishoGuide } from './taisho-guide';
import { initiativeYearsTable, outcomeYears } from './taisho-years';
import {
  AS_PLANNED_LABELS,
  EFFECTIVENESS_LABELS,
  OUTCOME_LABELS,
  PROGRESS_LABELS,
  TAISHO_WORDS,
  TARGET_LABELS,
  taishoTitle,
} from './taisho-words';

/** One 戦略 in a part: its heading and the tables printed under it. */
export interface TaishoStrategy {
  id: string;
  heading: string;
  tables: Table[];
  /** report-template/4: the 成果指標 over the years, drawn after the tables (HTML figure, PDF 図). */
  charts: Chart[];
}

/** One 経営課題 in a part. */
export interface TaishoIssue {
  id: string;
  heading: string;
  strategies: TaishoStrategy[];
}

export interface TaishoPart {
  key: 'strategies' | 'initiatives';
  heading: string;
  issues: TaishoIssue[];
}

/**
 * The Taisho report as data, built once and printed by the HTML page, the PDF and the workbook alike,
 * so the three never disagree: 表の見方, the summary, Part 1 (めざす成果および戦略: each 戦略's 成果指標
 * and its self-evaluation) and Part 2 (具体的取組: each initiative's 業績目標, 撤退基準, results,
 * 課題 and 改善策), both by 経営課題 and 戦略 as seed 004 orders them.
 */
export interface TaishoDocument {
  title: string;
  guide: Table[];
  summary: Table;
  parts: TaishoPart[];
}

const isTaisho = (rating: ProjectRow['rating']): rating is TaishoRating => rating?.scheme === 'taisho';

export const issueHeading = (pillar: PillarSection) => `${TAISHO_WORDS.pillar}${pillar.code}　${pillar.title}`;
export const strategyHeading = (plan: PlanSection) => `${TAISHO_WORDS.plan}［${plan.code}］　${plan.title}`;

export function taishoDocument(
  model: ReportModel,
  options: ReportOptions = {},
  templateVersion = TEMPLATE_VERSION,
): TaishoDocument {
  const summary = summaryTable(model, 'summary-table', { breakdownLabelOnce: true });
  const origins = repostOrigins(model);
  const years = usesFlatDataV4(templateVersion);
  return {
    title: taishoTitle(model, options),
    guide: taishoGuide(model),
    summary: { ...summary, caption: `${TAISHO_WORDS.summary}（${model.fiscalYearLabel}）` },
    parts: [
      part(
        model,
        'strategies',
        TAISHO_WORDS.partStrategies,
        (plan) => plan.kpis.length > 0 || plan.assessment !== undefined,
        (m, plan) => {
          const outcomes = years && plan.kpis.length > 0 ? outcomeYears(m, plan, options, templateVersion) : undefined;
          return {
            tables: [...strategyTables(m, plan), ...(outcomes?.table ? [outcomes.table] : [])],
            charts: outcomes?.chart ? [outcomes.chart] : [],
          };
        },
      ),
      part(
        model,
        'initiatives',
        TAISHO_WORDS.partInitiatives,
        (plan) => plan.projects.length > 0,
        (m, plan) => {
          const overYears =
            years && plan.projects.some((row) => !row.repost)
              ? initiativeYearsTable(m, plan, options, templateVersion)
              : undefined;
          return { tables: [initiativeTable(m, plan, origins), ...(overYears ? [overYears] : [])], charts: [] };
        },
      ),
    ],
  };
}

/** A 経営課題 or 戦略 with nothing in a part is left out of it, as in the Nerima layout. */
function part(
  model: ReportModel,
  key: TaishoPart['key'],
  heading: string,
  has: (plan: PlanSection) => boolean,
  content: (model: ReportModel, plan: PlanSection) => Pick<TaishoStrategy, 'tables' | 'charts'>,
): TaishoPart {
  const issues = model.pillars
    .map((pillar) => ({
      id: `${key}-${pillar.pillarId}`,
      heading: issueHeading(pillar),
      strategies: pillar.plans
        .filter(has)
        .map((plan) => ({ id: `${key}-${plan.planId}`, heading: strategyHeading(plan), ...content(model, plan) })),
    }))
    .filter((issue) => issue.strategies.length > 0);
  return { key, heading: `${heading}（${model.fiscalYearLabel}）`, issues };
}

/** Part 1: the 戦略's 成果指標 (アウトカム) and their 達成状況, then the 戦略's own self-evaluation. */
function strategyTables(model: ReportModel, plan: PlanSection): Table[] {
  const tables: Table[] = [];
  if (plan.kpis.length) {
    tables.push({
      id: `outcomes-${plan.planId}`,
      caption: `${TAISHO_WORDS.plan}［${plan.code}］ ${TAISHO_WORDS.kpi}（アウトカム）`,
      columns: [
        { header: '成果指標', width: 34 },
        { header: '目標値', width: 20 },
        { header: '前年度（現状値）', width: 18 },
        { header: `${warekiFiscalYear(model.fiscalYear)}の実績`, width: 20 },
        { header: 'アウトカムの達成状況', width: 14 },
        { header: '備考', width: 24 },
      ],
      rows: plan.kpis.map((kpi): Row => ({
        kind: 'body',
        cells: [...kpiValueCells(kpi), outcomeCell(kpi), kpi.rating?.note ?? ''],
      })),
    });
  }
  const assessment = plan.assessment;
  if (assessment) {
    tables.push({
      id: `strategy-assessment-${plan.planId}`,
      caption: `${TAISHO_WORDS.plan}［${plan.code}］ ${TAISHO_WORDS.strategyAssessment}`,
      columns: [
        { header: '戦略の進捗状況', width: 14 },
        { header: '戦略のアウトカムに対する有効性', width: 18 },
        { header: '課題', width: 44 },
        { header: '今後の対応方向・改善策', width: 44 },
      ],
      rows: [
        {
          kind: 'body',
          cells: [
            assessment.progress ? PROGRESS_LABELS[assessment.progress] : LABELS.noValue,
            assessment.effectiveness ? EFFECTIVENESS_LABELS[assessment.effectiveness] : LABELS.noValue,
            assessment.issues,
            [assessment.improvements, assessment.nextYearDirection].filter(Boolean).join('\n'),
          ],
        },
      ],
    });
  }
  return tables;
}

const outcomeCell = (kpi: KpiRow) => {
  const rating = kpi.rating;
  return rating?.scheme === 'taisho' ? `${rating.achievement}：${OUTCOME_LABELS[rating.achievement]}` : LABELS.unrated;
};

/** Part 2: seed 004's 具体的取組 sheet, one row per initiative under its numbered item. */
function initiativeTable(model: ReportModel, plan: PlanSection, origins: Map<string, RepostOrigin>): Table {
  const rows: Row[] = [];
  let section: string | undefined;
  for (const project of plan.projects) {
    if (project.sectionNo !== section) {
      section = project.sectionNo;
      // Seed 004 numbers each initiative as ［7-2-1］.
      rows.push({ kind: 'group', cells: [`［${project.sectionNo}］ ${project.sectionTitle}`.trim()] });
    }
    rows.push(initiativeRow(project, origins));
  }
  return {
    id: `initiative-table-${plan.planId}`,
    caption: `${TAISHO_WORDS.plan}［${plan.code}］ ${TAISHO_WORDS.project}`,
    columns: [
      { header: '取組内容', width: 30 },
      { header: '業績目標', width: 18 },
      { header: '撤退基準', width: 17 },
      { header: '前年度までの実績', width: 17 },
      { header: `取組実績（${warekiFiscalYear(model.fiscalYear)}）`, width: 20 },
      { header: '業績目標の達成状況', width: 17 },
      { header: '課題', width: 24 },
      { header: '改善策', width: 24 },
    ],
    rows,
  };
}

function initiativeRow(project: ProjectRow, origins: Map<string, RepostOrigin>): Row {
  const rating = isTaisho(project.rating) ? project.rating : undefined;
  const name = project.repost
    ? `${project.name}${repostMark(origins.get(project.projectId), project.repostPart)}`
    : project.name;
  return {
    kind: project.repost ? 'repost' : 'body',
    cells: [
      [name, project.planned].filter(Boolean).join('\n'),
      rating?.performanceTarget || project.target,
      rating?.withdrawalCriterion ?? '',
      project.statusAtPreviousYearEnd,
      project.actual,
      rating ? targetCell(rating) : LABELS.unrated,
      rating?.issues ?? '',
      rating?.improvements ?? '',
    ],
  };
}

/** "目標未達成（取組は予定どおり実施）" then the note (備考) on its own line: the words, never a colour alone. */
export function targetCell(rating: TaishoRating): string {
  const outcome = rating.withdrawalCriterionHit ? TARGET_LABELS.hit : TARGET_LABELS[rating.achievement];
  const asPlanned =
    rating.implementedAsPlanned === undefined
      ? ''
      : `（${AS_PLANNED_LABELS[rating.implementedAsPlanned ? 'yes' : 'no']}）`;
  return [`${rating.achievement}　${outcome}${asPlanned}`, rating.note ?? ''].filter(Boolean).join('\n');
}

/** 【戦略［6-1］の再掲】, or for part of the original 【戦略［6-1］の一部再掲：part】; a repost's own label stays its name. */
function repostMark(origin: RepostOrigin | undefined, part?: string): string {
  const from = origin ? `${TAISHO_WORDS.plan}［${origin.planCode}］の` : '';
  return part ? `【${from}一部${TAISHO_WORDS.repost}：${part}】` : `【${from}${TAISHO_WORDS.repost}】`;
}
