import type { ProjectRow } from '@pdca/projections';
import type { TaishoRating } from '@pdca/review';
import { TARGET_LABELS } from '../layout/taisho/taisho-words';
import type { FlatColumn, Placed } from '../open-data/flat-columns';
import type { OpenDataColumn } from '../open-data/machine-readable/open-data-table';

/**
 * A Taisho initiative's own fields in the flat data (report-template/4): what seed 004's 具体的取組
 * sheet prints per initiative beyond the catalogue's columns — 業績目標の達成状況, 予定どおり実施, and
 * the 課題 and 改善策 its section wrote.
 */
type Initiative = Placed<ProjectRow>;

const taishoRating = (p: Initiative): TaishoRating | undefined =>
  p.row.rating?.scheme === 'taisho' ? p.row.rating : undefined;

/** 目標達成 / 目標未達成 / 撤退基準未達成: a hit criterion outranks the grade, as the ward prints it. */
const OUTCOMES = {
  ACHIEVED: TARGET_LABELS.A,
  NOT_ACHIEVED: TARGET_LABELS.B,
  WITHDRAWAL_CRITERION_HIT: TARGET_LABELS.hit,
} as const;

function outcomeCode(p: Initiative): keyof typeof OUTCOMES | undefined {
  const rating = taishoRating(p);
  if (!rating) return undefined;
  if (rating.withdrawalCriterionHit) return 'WITHDRAWAL_CRITERION_HIT';
  return rating.achievement === 'A' ? 'ACHIEVED' : 'NOT_ACHIEVED';
}

const outcomeLabel = (p: Initiative) => {
  const code = outcomeCode(p);
  return code && OUTCOMES[code];
};

/** 1 / 0, blank where the section did not say (flag code list). */
const flag = (value: boolean | undefined) => (value === undefined ? undefined : Number(value));

export const TAISHO_FLAT_COLUMNS_V4: Array<FlatColumn<Initiative>> = [
  { header: '業績目標の達成状況', width: 14, value: outcomeLabel },
  { header: '予定どおり実施', width: 10, value: (p) => flag(taishoRating(p)?.implementedAsPlanned) },
  { header: '課題', width: 40, value: (p) => taishoRating(p)?.issues },
  { header: '改善策', width: 40, value: (p) => taishoRating(p)?.improvements },
];

export const TAISHO_OPEN_DATA_COLUMNS: Array<OpenDataColumn<Initiative>> = [
  {
    id: 'performance_target',
    header: '業績目標',
    type: 'text',
    description: '具体的取組の業績目標（原文）。',
    value: (p) => taishoRating(p)?.performanceTarget,
  },
  {
    id: 'target_outcome_code',
    header: '業績目標の達成状況コード',
    type: 'code',
    description:
      'ACHIEVED 目標達成、NOT_ACHIEVED 目標未達成、WITHDRAWAL_CRITERION_HIT 撤退基準未達成。空欄は未評価。コード表 target_outcome。',
    value: outcomeCode,
  },
  {
    id: 'target_outcome_label',
    header: '業績目標の達成状況',
    type: 'text',
    description: '業績目標の達成状況の名称（報告書の表記）。',
    value: outcomeLabel,
  },
  {
    id: 'withdrawal_criterion',
    header: '撤退基準',
    type: 'text',
    description: '具体的取組の撤退基準（原文）。',
    value: (p) => taishoRating(p)?.withdrawalCriterion,
  },
  {
    id: 'withdrawal_criterion_hit',
    header: '撤退基準該当',
    type: 'code',
    description: '1: 撤退基準に該当した、0: 該当しない。空欄は未評価。コード表 flag。',
    value: (p) => (taishoRating(p) ? Number(taishoRating(p)?.withdrawalCriterionHit ?? false) : undefined),
  },
  {
    id: 'implemented_as_planned',
    header: '予定どおり実施',
    type: 'code',
    description: '1: 取組は予定どおり実施、0: 予定どおり実施しなかった。空欄は記載なし。コード表 flag。',
    value: (p) => flag(taishoRating(p)?.implementedAsPlanned),
  },
  {
    id: 'issues',
    header: '課題',
    type: 'text',
    description: '具体的取組の課題（事業実施課の記載、原文）。',
    value: (p) => taishoRating(p)?.issues,
  },
  {
    id: 'improvements',
    header: '改善策',
    type: 'text',
    description: '課題に対する改善策（事業実施課の記載、原文）。',
    value: (p) => taishoRating(p)?.improvements,
  },
];

export const TAISHO_OPEN_DATA_CODES = Object.entries(OUTCOMES).map(([code, label]) => ({
  list: 'target_outcome',
  code,
  label,
}));
