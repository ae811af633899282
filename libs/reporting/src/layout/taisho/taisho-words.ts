import type { ReportModel } from '@pdca/projections';
import { wardNameOf } from '../../format';
import type { ReportOptions } from '../../publication-info';

/**
 * Seed 004's own words (大正区 区政運営基本方針): 経営課題 → 戦略 → 具体的取組, 成果指標 (アウトカム),
 * 業績目標, 撤退基準. The catalogue's pillar is a 経営課題, its plan a 戦略, its project a 具体的取組.
 */
export const TAISHO_WORDS = {
  document: '区政運営基本方針の成果目標の達成に向けた取組状況',
  pillar: '経営課題',
  plan: '戦略',
  project: '具体的取組',
  kpi: '成果指標',
  partStrategies: '第1部　めざす成果および戦略',
  partInitiatives: '第2部　具体的取組',
  summary: '達成状況の集計',
  strategyAssessment: '戦略の自己評価',
  repost: '再掲',
} as const;

/** "大正区 区政運営基本方針の成果目標の達成に向けた取組状況 平成28年度（2016年度）", as the seed titles each sheet. */
export const taishoTitle = (model: ReportModel, options: ReportOptions = {}) =>
  `${wardNameOf(model, options)} ${TAISHO_WORDS.document} ${model.fiscalYearLabel}`;

/** 成果指標 (アウトカム) are judged A：順調 / B：順調でない in seed 004. */
export const OUTCOME_LABELS = { A: '順調', B: '順調でない' } as const;

/** 業績目標の達成状況, as seed 004's column offers it. */
export const TARGET_LABELS = { A: '目標達成', B: '目標未達成', hit: '撤退基準未達成' } as const;

export const AS_PLANNED_LABELS = { yes: '取組は予定どおり実施', no: '取組を予定どおり実施しなかった' } as const;

export const PROGRESS_LABELS = { a: 'a：順調', b: 'b：順調でない' } as const;

export const EFFECTIVENESS_LABELS = {
  continue: 'ア：有効であり、継続して推進',
  revise: 'イ：有効でないため、戦略を見直す',
} as const;
