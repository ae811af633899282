import type { ReportModel } from '@pdca/projections';
import { warekiFiscalYear } from '@pdca/kernel';
import type { Table } from '../../tables/table';
import {
  AS_PLANNED_LABELS,
  EFFECTIVENESS_LABELS,
  OUTCOME_LABELS,
  PROGRESS_LABELS,
  TAISHO_WORDS,
  TARGET_LABELS,
} from './taisho-words';

const guideTable = (id: string, caption: string, entries: Array<[string, string]>): Table => ({
  id: `guide-${id}`,
  caption,
  columns: [
    { header: '記号・欄', width: 22 },
    { header: '意味', width: 100 },
  ],
  rows: entries.map(([term, meaning]) => ({ kind: 'body', cells: [term, meaning] })),
});

/** 表の見方 in seed 004's terms: the marks of each column, then what each part's columns hold. */
export function taishoGuide(model: ReportModel): Table[] {
  const year = warekiFiscalYear(model.fiscalYear);
  return [
    guideTable('structure', '報告書の構成', [
      [TAISHO_WORDS.pillar, '区政運営基本方針が掲げる経営課題です。第1部・第2部とも経営課題ごとにまとめています。'],
      [TAISHO_WORDS.plan, '経営課題の下で、めざす成果（アウトカム）に向けて区が進める戦略です。'],
      [TAISHO_WORDS.project, '戦略を実現するための個々の取組です。取組ごとに業績目標と撤退基準を定めています。'],
      [`（${TAISHO_WORDS.repost}）`, '他の戦略にも掲げる取組です。評価は元の取組と同じで、集計では1回だけ数えます。'],
    ]),
    guideTable('marks', '記号', [
      [
        `アウトカムの達成状況`,
        `A：${OUTCOME_LABELS.A}　B：${OUTCOME_LABELS.B}（成果指標の実績が目標に向けて順調かどうか）`,
      ],
      ['戦略の進捗状況', `${PROGRESS_LABELS.a}　${PROGRESS_LABELS.b}`],
      ['戦略のアウトカムに対する有効性', `${EFFECTIVENESS_LABELS.continue}　${EFFECTIVENESS_LABELS.revise}`],
      [
        '業績目標の達成状況',
        `A　${TARGET_LABELS.A}　B　${TARGET_LABELS.B}　B　${TARGET_LABELS.hit}（撤退基準に該当：事業手法の再検討・再構築の対象）。括弧内は「${AS_PLANNED_LABELS.yes}」または「${AS_PLANNED_LABELS.no}」`,
      ],
    ]),
    guideTable('part1', TAISHO_WORDS.partStrategies, [
      ['成果指標・目標値', 'めざす成果（アウトカム）を測る指標と、その目標です。'],
      ['前年度（現状値）', '前年度までの値です。時点は括弧内に示します。'],
      [`${year}の実績`, `${year}の実績値です。時点は括弧内に示します。`],
      [TAISHO_WORDS.strategyAssessment, '戦略の進捗状況と有効性、戦略についての課題と今後の対応方向・改善策です。'],
    ]),
    guideTable('part2', TAISHO_WORDS.partInitiatives, [
      ['取組内容', '取組名と、その年度に予定した内容です。'],
      ['業績目標・撤退基準', '取組の目標と、それを下回れば事業を見直す基準です。'],
      ['前年度までの実績・取組実績', `前年度までの実績と、${year}に実施した内容です。`],
      ['課題・改善策', '取組を担当する課が、その取組について記入した課題と改善策です。'],
    ]),
  ];
}
