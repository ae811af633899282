import type { Scheme } from '@pdca/review';

/** The two sheets of a section's workbook: its projects and its KPIs. */
export type WorkbookSheet = '取組' | '指標';
export const WORKBOOK_SHEETS: readonly WorkbookSheet[] = ['取組', '指標'];
export const SHEET_NAMES_EN: Record<WorkbookSheet, string> = { 取組: 'projects', 指標: 'kpis' };

/** Every cell a row can have; which of them a sheet shows depends on the sheet and the cycle's scheme. */
export type CellKey =
  | 'itemId'
  | 'plan'
  | 'sectionNo'
  | 'name'
  | 'target'
  | 'statusAtPreviousYearEnd'
  | 'planned'
  | 'kpiKind'
  | 'baseline'
  | 'baselineAsOf'
  | 'targetAsOf'
  | 'previousActual'
  | 'status'
  | 'returnedComments'
  | 'actual'
  | 'actualAsOf'
  | 'grade'
  | 'bReason'
  | 'achievement'
  | 'performanceTarget'
  | 'withdrawalCriterion'
  | 'withdrawalCriterionHit'
  | 'note'
  | 'submit';

export interface WorkbookColumn {
  key: CellKey;
  header: string;
  /** Editable cells are unlocked and read back; the others are context, protected and ignored on upload. */
  editable: boolean;
  descriptionJa: string;
  descriptionEn: string;
  /** Drop-down values; 'bReasons' stands for the cycle's own B categories. */
  allowed?: readonly string[] | 'bReasons';
  width: number;
}

export const YES = 'はい';
export const NO = 'いいえ';

const ro = (
  key: CellKey,
  header: string,
  width: number,
  descriptionJa: string,
  descriptionEn: string,
): WorkbookColumn => ({ key, header, editable: false, width, descriptionJa, descriptionEn });
const edit = (
  key: CellKey,
  header: string,
  width: number,
  descriptionJa: string,
  descriptionEn: string,
  allowed?: WorkbookColumn['allowed'],
): WorkbookColumn => ({
  key,
  header,
  editable: true,
  width,
  descriptionJa,
  descriptionEn,
  ...(allowed ? { allowed } : {}),
});

const STATUS = [
  ro(
    'previousActual',
    '前年度実績',
    20,
    '前年度に承認された実績（参考）',
    "last year's approved actual (for reference)",
  ),
  ro(
    'status',
    '状態',
    14,
    '現在の状態: 未着手 / 下書き / 提出済み（審査待ち） / 差戻し中 / 承認済み',
    'current status: not started / draft / submitted / returned / approved',
  ),
  ro(
    'returnedComments',
    '差戻しコメント',
    30,
    '区政改革推進会議からの差戻しのコメント',
    "the council's comments when it returned the item",
  ),
];

const PROJECT_CONTEXT = [
  ro('itemId', '取組ID', 10, '取組のID（変更しないでください）', 'project id (do not change)'),
  ro('plan', '戦略計画', 8, '戦略計画の番号', 'strategic plan number'),
  ro('sectionNo', '項目番号', 10, '計画内の見出し番号', 'numbered heading inside the plan'),
  ro('name', '取組名', 40, '取組名', 'project name'),
  ro('target', '目標', 20, '計画期間の目標', 'target of the plan period'),
  ro('statusAtPreviousYearEnd', '前年度末の現況', 20, '前年度末の現況', 'status at the end of the previous year'),
  ro('planned', '当初計画', 20, '当該年度の当初計画', "the year's planned activity"),
  ...STATUS,
  edit('actual', '実績', 30, '当該年度の実績（提出には必須）', 'actual of the year (required to submit)'),
];

const KPI_CONTEXT = [
  ro('itemId', '指標ID', 10, '指標のID（変更しないでください）', 'KPI id (do not change)'),
  ro('plan', '戦略計画', 8, '戦略計画の番号', 'strategic plan number'),
  ro('name', '指標', 40, '指標名', 'indicator'),
  ro('kpiKind', '区分', 12, 'アウトプット または アウトカム', 'output or outcome'),
  ro('baseline', '現状値', 16, '現状値', 'baseline value'),
  ro('baselineAsOf', '現状値時点', 14, '現状値の時点', 'as-of of the baseline'),
  ro('target', '目標値', 16, '目標値', 'target value'),
  ro('targetAsOf', '目標時点', 14, '目標値の時点', 'as-of of the target'),
  ...STATUS,
  edit(
    'actual',
    '実績値',
    18,
    '実績値（例 計206所、年間2,221人、策定）。提出には必須',
    'actual value, e.g. 計206所 (required to submit)',
  ),
  edit(
    'actualAsOf',
    '時点',
    14,
    '実績値の時点（例 令和4年度末）。実績値と組で入力',
    'as-of of the actual, e.g. 令和4年度末 (given with the value)',
  ),
];

const SUBMIT = edit(
  'submit',
  '提出',
  8,
  `${YES}: 審査に提出する / ${NO}・空欄: 下書きとして保存する`,
  `${YES}: submit for review / ${NO} or empty: save as a draft`,
  [YES, NO],
);

const NERIMA_PROJECT = [
  edit(
    'grade',
    '進捗状況',
    10,
    'A+ 計画以上 / A 概ね計画どおり / B 遅れや修正 / * 短期での評価がなじまない / - 取組がない',
    'A+ ahead / A on plan / B delayed or changed / * not suited to short-term evaluation / - nothing planned',
    ['A+', 'A', 'B', '*', '-'],
  ),
  edit(
    'bReason',
    'Bの内訳',
    24,
    '進捗状況 B のとき必須: この年度の区分から選択',
    "required for B: one of the cycle's categories",
    'bReasons',
  ),
  edit('note', '備考', 40, '評価の理由（B と A+ は必須）', 'why (required for B and A+)'),
];

const TAISHO_RATING = [
  edit('achievement', '達成状況', 10, 'A 達成 / B 未達成', 'A achieved / B not achieved', ['A', 'B']),
  edit('note', '備考', 40, '評価の理由（B は必須）', 'why (required for B)'),
];

const TAISHO_PROJECT = [
  edit('achievement', '達成状況', 10, 'A 達成 / B 未達成', 'A achieved / B not achieved', ['A', 'B']),
  edit('performanceTarget', '業績目標', 24, '業績目標', 'performance target'),
  edit(
    'withdrawalCriterion',
    '撤退基準',
    24,
    '撤退基準（該当したときは必須）',
    'withdrawal criterion (required when hit)',
  ),
  edit(
    'withdrawalCriterionHit',
    '撤退基準該当',
    10,
    `撤退基準に該当したか: ${YES} / ${NO}`,
    `whether the withdrawal criterion was hit: ${YES} / ${NO}`,
    [YES, NO],
  ),
  edit('note', '備考', 40, '評価の理由（B は必須）', 'why (required for B)'),
];

/** The ward's own scale: the grades differ per cycle, so the upload is checked against the cycle's scale by the domain rules. */
const ORDINAL_PROJECT = [
  edit(
    'grade',
    '評価',
    10,
    'この年度の評価段階から記入（一覧は「説明」シート）',
    "one of this cycle's grades (listed in the guide sheet)",
  ),
  edit(
    'note',
    '備考',
    40,
    '評価の理由（年度の設定で理由が必要な評価は必須）',
    'why (required for the grades the cycle says need a reason)',
  ),
];

/**
 * The columns of each sheet under each rating scheme, in sheet order. Nerima rates projects only
 * (a KPI's achievement is computed from its value); Taisho rates both; the ordinal scheme rates projects.
 */
export const WORKBOOK_COLUMNS: Record<Scheme, Record<WorkbookSheet, readonly WorkbookColumn[]>> = {
  nerima: { 取組: [...PROJECT_CONTEXT, ...NERIMA_PROJECT, SUBMIT], 指標: [...KPI_CONTEXT, SUBMIT] },
  taisho: { 取組: [...PROJECT_CONTEXT, ...TAISHO_PROJECT, SUBMIT], 指標: [...KPI_CONTEXT, ...TAISHO_RATING, SUBMIT] },
  ordinal: { 取組: [...PROJECT_CONTEXT, ...ORDINAL_PROJECT, SUBMIT], 指標: [...KPI_CONTEXT, SUBMIT] },
};

/** The cell holding the grade, where errors about the rating as a whole are shown. */
export const RATING_CELL: Record<Scheme, CellKey> = { nerima: 'grade', taisho: 'achievement', ordinal: 'grade' };

export const columnOf = (scheme: Scheme, sheet: WorkbookSheet, key: CellKey): WorkbookColumn | undefined =>
  WORKBOOK_COLUMNS[scheme][sheet].find((column) => column.key === key);
