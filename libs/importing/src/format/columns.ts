import type { FieldOf, ImportTable } from './import-tables';

export interface ColumnSpec<T extends ImportTable = ImportTable> {
  /** The Japanese header, matched exactly (after trimming spaces). */
  header: string;
  /** The English header accepted instead, also the field name of the typed row. */
  key: FieldOf<T>;
  /** Whether the cell must be filled: yes, no, or a condition. */
  requiredJa: string;
  requiredEn: string;
  descriptionJa: string;
  descriptionEn: string;
  /** The values offered by the template's drop-down list. */
  allowed?: readonly string[];
  /** Columns that may be left out of the file entirely; every other column must have its header. */
  optionalColumn?: boolean;
  width: number;
}

export const NERIMA_GRADE_VALUES = ['A+', 'A', 'B', '*', '-'] as const;
export const B_REASON_LABELS = ['コロナ', 'まちづくり', '工事', 'その他'] as const;
export const KPI_KIND_LABELS = ['アウトプット', 'アウトカム'] as const;
export const STRUCTURE_KIND_LABELS = ['基本目標', '戦略計画'] as const;

const YES = { requiredJa: '必須', requiredEn: 'required' };
const NO = { requiredJa: '任意', requiredEn: 'optional' };

const structure: ColumnSpec<'構成'>[] = [
  {
    header: '種別',
    key: 'kind',
    ...YES,
    descriptionJa: '基本目標 または 戦略計画',
    descriptionEn: 'pillar (基本目標) or strategic plan (戦略計画)',
    allowed: STRUCTURE_KIND_LABELS,
    width: 12,
  },
  {
    header: '番号',
    key: 'number',
    ...YES,
    descriptionJa: '基本目標は I, II …（ローマ数字）、戦略計画は 1, 2 …。取込後の ID になります',
    descriptionEn: 'pillar number (I, II …) or plan number (1, 2 …); becomes the id',
    width: 8,
  },
  { header: '名称', key: 'name', ...YES, descriptionJa: '基本目標・戦略計画の名称', descriptionEn: 'title', width: 50 },
  {
    header: '基本目標',
    key: 'pillar',
    requiredJa: '戦略計画の行は必須',
    requiredEn: 'required on plan rows',
    descriptionJa: '戦略計画が属する基本目標の番号（基本目標の行は空欄）',
    descriptionEn: 'number of the pillar a plan belongs to (empty on pillar rows)',
    width: 10,
  },
];

const projects: ColumnSpec<'取組'>[] = [
  {
    header: '取組ID',
    key: 'projectId',
    ...YES,
    descriptionJa: '取組を一意に識別する ID（英数字・記号、40文字以内）。再掲行にも別の ID を付けます',
    descriptionEn: 'unique id of the line (ASCII, at most 40 characters); repost lines have their own id too',
    width: 10,
  },
  {
    header: '戦略計画',
    key: 'plan',
    ...YES,
    descriptionJa: '掲載する戦略計画の番号（構成シートまたは登録済みの計画）',
    descriptionEn: 'number of the strategic plan the line is listed under',
    width: 8,
  },
  {
    header: '項目番号',
    key: 'sectionNo',
    ...YES,
    descriptionJa: '計画内の見出し番号（例 3(1)②）',
    descriptionEn: 'numbered heading inside the plan, e.g. 3(1)②',
    width: 10,
  },
  {
    header: '項目名',
    key: 'sectionTitle',
    ...NO,
    descriptionJa: '見出しの名称（入れ子は「 / 」で連結）',
    descriptionEn: 'heading title(s), nested ones joined with " / "',
    width: 30,
  },
  { header: '取組名', key: 'name', ...YES, descriptionJa: '取組名', descriptionEn: 'project name', width: 40 },
  {
    header: '事業実施部',
    key: 'department',
    requiredJa: '再掲行以外は必須',
    requiredEn: 'required except on repost lines',
    descriptionJa: '事業実施課の属する部',
    descriptionEn: 'department (部) of the responsible section',
    width: 16,
  },
  {
    header: '事業実施課',
    key: 'section',
    requiredJa: '再掲行以外は必須',
    requiredEn: 'required except on repost lines',
    descriptionJa: '事業実施課（再掲行は元の取組の課になります）',
    descriptionEn: 'responsible section (課); a repost line takes its original’s section',
    width: 16,
  },
  {
    header: '再掲元',
    key: 'repostOf',
    ...NO,
    descriptionJa: '再掲行の場合、元の取組の取組ID。再掲行は集計に含めず、元の取組の再掲先として登録します',
    descriptionEn:
      'for a repost (再掲) line, the 取組ID of the original; such a line is not counted and becomes a repost placement of the original',
    width: 10,
  },
  {
    header: '短期評価対象外',
    key: 'notSuited',
    ...NO,
    descriptionJa: '短期での評価がなじまない取組は 1（進捗状況 * に必要）。それ以外は空欄',
    descriptionEn: '1 when the project is not suited to short-term evaluation (needed for rating *); otherwise empty',
    allowed: ['1'],
    width: 8,
  },
  {
    header: '年度',
    key: 'fiscalYear',
    ...YES,
    descriptionJa: '年度（西暦の開始年 例 2022、または 令和4年度）',
    descriptionEn: 'fiscal year by its starting year, e.g. 2022 (令和4年度 is accepted)',
    width: 8,
  },
  {
    header: '目標',
    key: 'target',
    ...NO,
    descriptionJa: '計画期間の目標',
    descriptionEn: 'target of the plan period',
    width: 24,
  },
  {
    header: '前年度末の現況',
    key: 'statusAtPreviousYearEnd',
    ...NO,
    descriptionJa: '前年度末の現況',
    descriptionEn: 'status at the end of the previous fiscal year',
    width: 20,
  },
  {
    header: '当初計画',
    key: 'planned',
    ...NO,
    descriptionJa: '当該年度の当初計画。計画がない年は — または空欄',
    descriptionEn: 'planned activity of the year; — or empty when nothing is planned',
    width: 20,
  },
  {
    header: '実績',
    key: 'actual',
    requiredJa: '進捗状況を入力した行は必須（- を除く）',
    requiredEn: 'required when a rating is given (except -)',
    descriptionJa: '当該年度の実績',
    descriptionEn: 'actual of the year',
    width: 20,
  },
  {
    header: '進捗状況',
    key: 'rating',
    ...NO,
    descriptionJa: 'A+ 計画以上 / A 概ね計画どおり / B 遅れや修正 / * 短期での評価がなじまない / - 取組がない',
    descriptionEn:
      'A+ ahead of plan / A on plan / B delayed or changed / * not suited to short-term evaluation / - nothing planned',
    allowed: NERIMA_GRADE_VALUES,
    width: 8,
  },
  {
    header: 'Bの内訳',
    key: 'bReason',
    requiredJa: '進捗状況 B の行は必須（再掲行を除く）',
    requiredEn: 'required for B (except repost lines)',
    descriptionJa: 'コロナ / まちづくり / 工事 / その他',
    descriptionEn: 'B reason: COVID-19 / town development / construction / other',
    allowed: B_REASON_LABELS,
    width: 10,
  },
  {
    header: '備考',
    key: 'note',
    requiredJa: '進捗状況 A+ と B の行は必須',
    requiredEn: 'required for A+ and B',
    descriptionJa: '評価の理由など',
    descriptionEn: 'note: why (required for A+ and B)',
    width: 40,
  },
];

const kpis: ColumnSpec<'指標'>[] = [
  {
    header: '指標ID',
    key: 'kpiId',
    ...YES,
    descriptionJa: '指標を一意に識別する ID（英数字・記号、40文字以内）',
    descriptionEn: 'unique id of the KPI (ASCII, at most 40 characters)',
    width: 10,
  },
  {
    header: '戦略計画',
    key: 'plan',
    ...YES,
    descriptionJa: '指標が属する戦略計画の番号',
    descriptionEn: 'number of the strategic plan',
    width: 8,
  },
  { header: '指標', key: 'indicator', ...YES, descriptionJa: '指標名', descriptionEn: 'indicator', width: 40 },
  {
    header: '区分',
    key: 'kind',
    ...YES,
    descriptionJa: 'アウトプット または アウトカム',
    descriptionEn: 'output (アウトプット) or outcome (アウトカム)',
    allowed: KPI_KIND_LABELS,
    width: 12,
  },
  {
    header: '目標値',
    key: 'target',
    ...YES,
    descriptionJa: '目標値（例 計8か所、92.1%、策定）',
    descriptionEn: 'target value, e.g. 計8か所, 92.1%, 策定',
    width: 20,
  },
  {
    header: '目標時点',
    key: 'targetAsOf',
    ...YES,
    descriptionJa: '目標値の時点（例 令和5年度末）',
    descriptionEn: 'as-of of the target, e.g. 令和5年度末',
    width: 16,
  },
  {
    header: '現状値',
    key: 'baseline',
    ...YES,
    descriptionJa: '現状値（ない場合は —）',
    descriptionEn: 'baseline value (— when there is none)',
    width: 20,
  },
  {
    header: '現状値時点',
    key: 'baselineAsOf',
    ...YES,
    descriptionJa: '現状値の時点',
    descriptionEn: 'as-of of the baseline',
    width: 16,
  },
  {
    header: '年度',
    key: 'fiscalYear',
    requiredJa: '実績を入力した行は必須',
    requiredEn: 'required when an actual is given',
    descriptionJa: '実績の年度（例 2022）',
    descriptionEn: 'fiscal year of the actual, e.g. 2022',
    width: 8,
  },
  {
    header: '実績',
    key: 'actual',
    ...NO,
    descriptionJa: '当該年度の実績',
    descriptionEn: 'actual of the year',
    width: 20,
  },
  {
    header: '実績時点',
    key: 'actualAsOf',
    requiredJa: '実績を入力した行は必須',
    requiredEn: 'required when an actual is given',
    descriptionJa: '実績の時点（例 令和4年度末）',
    descriptionEn: 'as-of of the actual, e.g. 令和4年度末',
    width: 16,
  },
  {
    header: '事業実施部',
    key: 'department',
    ...NO,
    optionalColumn: true,
    descriptionJa: '指標を担当する部（列ごと省略可。空欄なら登録済みの担当課、なければ同じ戦略計画で取組の最も多い課）',
    descriptionEn:
      'department in charge (column may be left out; when empty: the KPI’s registered section, else the section with most projects in the plan)',
    width: 16,
  },
  {
    header: '事業実施課',
    key: 'section',
    ...NO,
    optionalColumn: true,
    descriptionJa: '指標を担当する課（事業実施部と組で入力）',
    descriptionEn: 'section in charge (give it together with the department)',
    width: 16,
  },
];

export const TABLE_COLUMNS: { [T in ImportTable]: readonly ColumnSpec<T>[] } = {
  構成: structure,
  取組: projects,
  指標: kpis,
};

/** The header to show for a field in messages: the Japanese one. */
export function headerOf<T extends ImportTable>(table: T, key: FieldOf<T>): string {
  const columns = TABLE_COLUMNS[table] as readonly ColumnSpec<T>[];
  return columns.find((column) => column.key === key)?.header ?? String(key);
}
