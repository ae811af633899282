import type { ReportModel } from '@pdca/projections';
import { warekiFiscalYear } from '@pdca/kernel';
import { LABELS } from '../labels';
import { reportSchemeOf } from '../schemes/registry';
import type { Table } from '../tables/table';
import { explainsComparableFigures } from '../template-version';

export const READING_GUIDE_HEADING = '表の見方';

export interface GuideSection {
  heading: string;
  /** [term, explanation] pairs, printed as a definition list (HTML) or a two-column table (PDF). */
  entries: Array<[string, string]>;
}

const ACHIEVEMENT =
  '現状値・目標値・実績がすべて同じ単位の数値のとき、現状値から目標値までのうち実績が進んだ割合です。数値でない指標は「—」です。';

/**
 * report-template/5: the rule of kernel comparableAchievementPercent in words. A year's actual written as
 * its increment with the total in brackets is compared by the figure written like the target (the same
 * words before it, such as 計 or 年間, and the same unit); a total also stands for a target without 計.
 */
const COMPARABLE_ACHIEVEMENT =
  '現状値から目標値までのうち、実績が進んだ割合です。「9所 (定員485人) 〔計206所〕」のように、その年度の増加分に続けて累計を括弧内に書いた実績は、目標値（計206所）と同じ書き方の数値、つまり前に付く語（計・年間など）と単位が目標値と同じ数値（〔計206所〕）で比べます。現状値も同じように読みます。そのような数値がない指標（数値でない指標、単位の異なる指標）と、目標値が現状値と同じ指標は「—」です。';

/** 表の見方 (seed 002): what the ratings mean, how B is broken down, and what each column holds. */
export function readingGuide(model: ReportModel, templateVersion: string): GuideSection[] {
  const year = warekiFiscalYear(model.fiscalYear);
  const previous = warekiFiscalYear(model.fiscalYear - 1);
  const guide = reportSchemeOf(model.summary.scheme).guide(model.summary);
  const sections: GuideSection[] = [
    {
      heading: `「${guide.column}」欄の記号`,
      entries: [
        ...guide.symbols,
        [
          `（${LABELS.repost}）`,
          '他の戦略計画にも掲げる取組です。評価は元の取組と同じで、集計では元の取組として1回だけ数えます。',
        ],
      ],
    },
  ];
  sections.push(...guide.sections);
  sections.push(
    {
      heading: `第1部　${LABELS.kpiHeading}の表`,
      entries: [
        ['目標値', '計画に定めた目標です。計画の最終年度末以外の時点の目標は、その時点を括弧内に示します。'],
        ['現状値', '計画策定時の状況です。時点が異なる場合は括弧内に示します。'],
        [`${year}末の実績`, `${year}末時点の実績です。時点が異なる場合は括弧内に示します。`],
        ['達成度', explainsComparableFigures(templateVersion) ? COMPARABLE_ACHIEVEMENT : ACHIEVEMENT],
      ],
    },
    {
      heading: `第2部　${LABELS.actionPlanHeading}の表`,
      entries: [
        ['取組名・目標', '計画に記載されている取組とその目標です。番号付きの見出しは計画の項目です。'],
        [`${previous}末の現況`, `各取組の${previous}末時点の実績です。`],
        [`${year}当初計画`, `計画に記載されている${year}の取組内容です。`],
        [`${year}実績`, `各取組の${year}末時点の実績です。`],
        [guide.column, '上の記号で示します。'],
        ['備考', '評価の理由や補足です。'],
      ],
    },
  );
  return sections;
}

/** 表の見方 as two-column tables (記号・欄 / 意味): the PDF page and the workbook's sheet. */
export const readingGuideTables = (model: ReportModel, templateVersion: string): Table[] =>
  readingGuide(model, templateVersion).map(({ heading, entries }) => ({
    id: `guide-${heading}`,
    caption: heading,
    columns: [
      { header: '記号・欄', width: 18 },
      { header: '意味', width: 100 },
    ],
    rows: entries.map(([term, meaning]) => ({ kind: 'body', cells: [term, meaning] })),
  }));
