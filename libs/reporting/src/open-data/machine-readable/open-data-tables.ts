import type { KpiRow, ProjectRow, ReportModel } from '@pdca/projections';
import { dateLabel, parseMeasuredValue, tokyoDate, warekiFiscalYear } from '@pdca/kernel';
import { KPI_KIND_LABELS, ratingMeaning, ratingSymbol } from '../../labels';
import type { PublicationInfo, ReportOptions } from '../../publication-info';
import { Placed, placedRows } from '../flat-columns';
import { OpenDataColumn, openDataTable, OpenDataTable } from './open-data-table';
import { codeOf, ratingCode, westernYear } from './plain-codes';
import { summaryCategories } from './summary-categories';
import { reportSchemeOf } from '../../schemes/registry';
import { usesFlatDataV4 } from '../../template-version';
import { repostOpenDataColumns } from './repost-columns';
import { modelForTemplate } from '../../layout/comparable-achievement';

export interface OpenDataInput {
  model: ReportModel;
  publication: PublicationInfo;
  wardName: string;
  /** 全国地方公共団体コード (6 digits), where known (L3-06). */
  localGovernmentCode?: string;
  fingerprint: string;
  /** Every version of the year so far: the update history (L3-08). */
  versions: Array<{ version: number; publishedAt: string; reason?: string; fingerprint: string }>;
  /** Earlier years' KPI actuals, added as rows (long format, L3-09). */
  kpiHistory?: ReportOptions['kpiHistory'];
}

export const ENCODING = 'UTF-8（BOM付き）、改行コードCRLF、RFC 4180準拠のCSV';

/** Every open-data table of a published version, the definitions of all their columns last. */
export function openDataTables(stored: OpenDataInput): OpenDataTable[] {
  const input = { ...stored, model: modelForTemplate(stored.model, stored.publication.templateVersion) };
  const tables = [
    projectsTable(input),
    kpiValuesTable(input),
    summaryTable(input),
    codesTable(input),
    historyTable(input),
    datasetTable(input),
  ];
  return [...tables, definitionsTable(tables)];
}

function yearColumns<Row>(fiscalYear: (row: Row) => number): Array<OpenDataColumn<Row>> {
  return [
    {
      id: 'fiscal_year',
      header: '年度（西暦）',
      type: 'integer',
      description: '年度の開始年（西暦）。令和4年度は2022。',
      value: fiscalYear,
    },
    {
      id: 'fiscal_year_wareki',
      header: '年度（和暦）',
      type: 'text',
      description: '年度の和暦表記。',
      value: (row) => warekiFiscalYear(fiscalYear(row)),
    },
  ];
}

function placementColumns<Row>(input: OpenDataInput): Array<OpenDataColumn<Placed<Row>>> {
  return [
    ...yearColumns<Placed<Row>>(() => input.model.fiscalYear),
    {
      id: 'version',
      header: '版',
      type: 'integer',
      description: '公表の版（1が初版、2以降は訂正版）。',
      value: () => input.publication.version,
    },
    {
      id: 'pillar_code',
      header: '基本目標コード',
      type: 'code',
      description: '基本目標の番号を半角英数字にしたもの（Ⅰ→1）。コード表 pillar。',
      value: (p) => codeOf(p.pillar.code),
    },
    {
      id: 'pillar_label',
      header: '基本目標番号（表示）',
      type: 'text',
      description: '報告書に印刷された基本目標の番号（Ⅰ 等）。',
      value: (p) => p.pillar.code,
    },
    {
      id: 'pillar_title',
      header: '基本目標',
      type: 'text',
      description: '基本目標の名称。',
      value: (p) => p.pillar.title,
    },
    {
      id: 'plan_code',
      header: '戦略計画コード',
      type: 'code',
      description: '戦略計画の番号（半角）。コード表 plan。',
      value: (p) => codeOf(p.plan.code),
    },
    { id: 'plan_title', header: '戦略計画', type: 'text', description: '戦略計画の名称。', value: (p) => p.plan.title },
  ];
}

/** "こども家庭部 保育課" → [部, 課]: the report joins them with one space; open data keeps one datum per cell. */
const splitResponsible = (responsible: string) => {
  const at = responsible.indexOf(' ');
  return at < 0 ? [undefined, responsible] : [responsible.slice(0, at), responsible.slice(at + 1)];
};

function projectsTable(input: OpenDataInput): OpenDataTable {
  const { model } = input;
  const scheme = reportSchemeOf(model.scheme);
  const v4 = usesFlatDataV4(input.publication.templateVersion);
  const rating = (row: ProjectRow) => row.rating;
  const bReason = (row: ProjectRow) => {
    const r = rating(row);
    return r && 'bReason' in r && r.bReason ? r.bReason : undefined;
  };
  const reasonLabels = new Map(
    summaryCategories(model)
      .filter((c) => c.list === 'b_reason')
      .map((c) => [c.code, c.label]),
  );
  const columns: Array<OpenDataColumn<Placed<ProjectRow>>> = [
    ...placementColumns<ProjectRow>(input),
    {
      id: 'section_no_code',
      header: '項目番号コード',
      type: 'code',
      description: '計画内の項目番号を半角にしたもの（1①→1-1）。',
      value: (p) => codeOf(p.row.sectionNo),
    },
    {
      id: 'section_no',
      header: '項目番号（表示）',
      type: 'text',
      description: '報告書に印刷された項目番号。',
      value: (p) => p.row.sectionNo,
    },
    {
      id: 'section_title',
      header: '項目名',
      type: 'text',
      description: '項目の名称。',
      value: (p) => p.row.sectionTitle,
    },
    {
      id: 'project_id',
      header: '取組ID',
      type: 'code',
      description: '取組を一意に識別するID。',
      value: (p) => p.row.projectId,
    },
    {
      id: 'project_name',
      header: '取組名',
      type: 'text',
      description: 'この計画の中で印刷される取組名。',
      value: (p) => p.row.name,
    },
    {
      id: 'repost',
      header: '再掲',
      type: 'code',
      description: '1: 他の計画の取組の再掲（集計では数えない）、0: 取組本来の掲載。コード表 flag。',
      value: (p) => (p.row.repost ? 1 : 0),
    },
    {
      id: 'department',
      header: '事業実施部',
      type: 'text',
      description: '取組を実施する部。',
      value: (p) => splitResponsible(p.row.responsible)[0],
    },
    {
      id: 'section',
      header: '事業実施課',
      type: 'text',
      description: '取組を実施する課。',
      value: (p) => splitResponsible(p.row.responsible)[1],
    },
    { id: 'target', header: '目標', type: 'text', description: '計画の目標（原文）。', value: (p) => p.row.target },
    {
      id: 'status_previous_year_end',
      header: v4 ? scheme.previousYearHeader : '前年度末の現況',
      type: 'text',
      description: v4 ? `${scheme.previousYearHeader}（原文）。` : '前年度末の現況（原文）。',
      value: (p) => p.row.statusAtPreviousYearEnd,
    },
    {
      id: 'planned',
      header: '当初計画',
      type: 'text',
      description: 'この年度の当初計画（原文）。',
      value: (p) => p.row.planned,
    },
    { id: 'actual', header: '実績', type: 'text', description: 'この年度の実績（原文）。', value: (p) => p.row.actual },
    {
      id: 'rating_code',
      header: '評価コード',
      type: 'code',
      description: '進捗状況の評価（A+→A_PLUS, *→NOT_SUITED, -→NOTHING_PLANNED）。空欄は未評価。コード表 rating。',
      value: (p) => (rating(p.row) ? ratingCode(ratingSymbol(rating(p.row))) : undefined),
    },
    {
      id: 'rating_label',
      header: '評価（表示）',
      type: 'text',
      description: '報告書に印刷された評価の記号。',
      value: (p) => (rating(p.row) ? ratingSymbol(rating(p.row)) : undefined),
    },
    {
      id: 'rating_meaning',
      header: '評価の内容',
      type: 'text',
      description: '評価の意味。',
      value: (p) => (rating(p.row) ? ratingMeaning(rating(p.row), model.summary) : undefined),
    },
    ...(v4 && !scheme.bReasonColumns
      ? []
      : ([
          {
            id: 'b_reason_code',
            header: 'Bの内訳コード',
            type: 'code',
            description: 'Bの理由の区分。B以外は空欄。コード表 b_reason。',
            value: (p) => bReason(p.row),
          },
          {
            id: 'b_reason_label',
            header: 'Bの内訳',
            type: 'text',
            description: 'Bの理由の区分の名称（詳細は備考）。',
            value: (p) => reasonLabels.get(bReason(p.row) ?? '') ?? bReason(p.row),
          },
        ] satisfies Array<OpenDataColumn<Placed<ProjectRow>>>)),
    {
      id: 'note',
      header: '備考',
      type: 'text',
      description: '評価の備考（Bの内訳「その他」の詳細を含む）。',
      value: (p) => p.row.note,
    },
    ...(v4 ? [...repostOpenDataColumns(model), ...scheme.machineReadableProjectColumns] : []),
  ];
  return openDataTable('projects', '取組の進捗状況', columns, placedRows(model).projects);
}

interface KpiValue {
  placed: Placed<KpiRow>;
  fiscalYear: number;
  measure: 'baseline' | 'target' | 'actual' | 'achievement';
  asOf: string;
  text: string;
  number?: number;
  unit?: string;
}

const MEASURES: Record<KpiValue['measure'], string> = {
  baseline: '現状値',
  target: '目標値',
  actual: '実績値',
  achievement: '達成度',
};

/** KPI values in long format: one row per KPI, year and measure, the figure and its unit split from the original text. */
function kpiValuesTable(input: OpenDataInput): OpenDataTable {
  const { model } = input;
  const values: KpiValue[] = [];
  for (const placed of placedRows(model).kpis) {
    const { row } = placed;
    const measured = (
      measure: KpiValue['measure'],
      text: string,
      asOf: string,
      fiscalYear = model.fiscalYear,
    ): KpiValue => {
      const parsed = parseMeasuredValue(text);
      return { placed, fiscalYear, measure, asOf, text, number: parsed.number, unit: parsed.unit };
    };
    for (const earlier of input.kpiHistory?.[row.kpiId] ?? []) {
      if (earlier.fiscalYear < model.fiscalYear)
        values.push(measured('actual', earlier.actual, '', earlier.fiscalYear));
    }
    values.push(
      measured('baseline', row.baseline, row.baselineAsOf),
      measured('target', row.target, row.targetAsOf),
      measured('actual', row.actual, row.actualAsOf),
    );
    if (row.achievementPercent !== undefined)
      values.push({
        placed,
        fiscalYear: model.fiscalYear,
        measure: 'achievement',
        asOf: row.actualAsOf,
        text: '',
        number: row.achievementPercent,
        unit: '%',
      });
  }
  const columns: Array<OpenDataColumn<KpiValue>> = [
    ...yearColumns<KpiValue>((v) => v.fiscalYear),
    {
      id: 'pillar_code',
      header: '基本目標コード',
      type: 'code',
      description: '基本目標の番号（半角）。コード表 pillar。',
      value: (v) => codeOf(v.placed.pillar.code),
    },
    {
      id: 'plan_code',
      header: '戦略計画コード',
      type: 'code',
      description: '戦略計画の番号（半角）。コード表 plan。',
      value: (v) => codeOf(v.placed.plan.code),
    },
    {
      id: 'kpi_id',
      header: '指標ID',
      type: 'code',
      description: '指標を一意に識別するID。',
      value: (v) => v.placed.row.kpiId,
    },
    {
      id: 'indicator',
      header: '指標',
      type: 'text',
      description: '指標の名称。',
      value: (v) => v.placed.row.indicator,
    },
    {
      id: 'kpi_kind_code',
      header: '指標区分コード',
      type: 'code',
      description: 'output（アウトプット）または outcome（アウトカム）。コード表 kpi_kind。',
      value: (v) => v.placed.row.kind,
    },
    {
      id: 'measure_code',
      header: '値の種類コード',
      type: 'code',
      description: 'baseline 現状値、target 目標値、actual 実績値、achievement 達成度。コード表 measure。',
      value: (v) => v.measure,
    },
    { id: 'as_of', header: '時点', type: 'text', description: '値の時点（原文、和暦）。', value: (v) => v.asOf },
    {
      id: 'as_of_year',
      header: '時点（西暦年）',
      type: 'integer',
      description: '時点の西暦年（和暦から換算。年度表記は年度の開始年）。読み取れないときは空欄。',
      value: (v) => (v.asOf ? westernYear(v.asOf) : undefined),
    },
    {
      id: 'value',
      header: '数値',
      type: 'number',
      description: '原文から読み取った数値（カンマなし）。数値のない値（「実施」等）は空欄。',
      value: (v) => v.number,
    },
    {
      id: 'unit',
      header: '単位',
      type: 'text',
      description: '数値の単位（人、か所、% 等）。',
      value: (v) => (v.number === undefined ? undefined : v.unit),
    },
    {
      id: 'original_text',
      header: '原文',
      type: 'text',
      description: '報告書に印刷された値の原文（「年間2,221人」等）。',
      value: (v) => v.text,
    },
  ];
  return openDataTable('kpi-values', '指標の値（縦持ち）', columns, values);
}

function summaryTable(input: OpenDataInput): OpenDataTable {
  const rows = summaryCategories(input.model);
  return openDataTable(
    'summary',
    '進捗状況の集計',
    [
      ...yearColumns<(typeof rows)[number]>(() => input.model.fiscalYear),
      {
        id: 'version',
        header: '版',
        type: 'integer',
        description: '公表の版。',
        value: () => input.publication.version,
      },
      {
        id: 'code_list',
        header: 'コード表',
        type: 'code',
        description: '区分のコード表（rating, kpi_rating, b_reason, withdrawal, total）。',
        value: (c) => c.list,
      },
      {
        id: 'category_code',
        header: '区分コード',
        type: 'code',
        description: '区分のコード（コード表 code_list の中）。',
        value: (c) => c.code,
      },
      { id: 'category_label', header: '区分', type: 'text', description: '区分の名称。', value: (c) => c.label },
      {
        id: 'count',
        header: '件数',
        type: 'integer',
        unit: '件',
        description: '該当する取組・指標の数（再掲を除く）。',
        value: (c) => c.count,
      },
      {
        id: 'share',
        header: '割合',
        type: 'number',
        unit: '%',
        description: '合計に対する割合（整数に四捨五入、報告書と同じ）。割合を示さない区分は空欄。',
        value: (c) => c.share,
      },
    ],
    rows,
  );
}

interface Code {
  list: string;
  code: string | number;
  label: string;
}

function codesTable(input: OpenDataInput): OpenDataTable {
  const { model } = input;
  const codes: Code[] = summaryCategories(model).map((c) => ({ list: c.list, code: c.code, label: c.label }));
  for (const pillar of model.pillars) {
    codes.push({ list: 'pillar', code: codeOf(pillar.code), label: `${pillar.code} ${pillar.title}` });
  }
  for (const plan of model.pillars.flatMap((p) => p.plans))
    codes.push({ list: 'plan', code: codeOf(plan.code), label: plan.title });
  for (const [code, label] of Object.entries(KPI_KIND_LABELS)) codes.push({ list: 'kpi_kind', code, label });
  for (const [code, label] of Object.entries(MEASURES)) codes.push({ list: 'measure', code, label });
  codes.push({ list: 'flag', code: 0, label: 'いいえ' }, { list: 'flag', code: 1, label: 'はい' });
  if (usesFlatDataV4(input.publication.templateVersion))
    codes.push(...reportSchemeOf(model.scheme).machineReadableCodes);
  return openDataTable(
    'codes',
    'コード表',
    [
      {
        id: 'code_list',
        header: 'コード表',
        type: 'code',
        description: 'コード表の名前（rating 評価、b_reason Bの内訳、pillar 基本目標 等）。',
        value: (c) => c.list,
      },
      {
        id: 'code',
        header: 'コード',
        type: 'code',
        description: 'データに現れるコード。',
        value: (c) => String(c.code),
      },
      { id: 'label', header: '名称', type: 'text', description: 'コードの意味。', value: (c) => c.label },
    ],
    codes,
  );
}

function historyTable(input: OpenDataInput): OpenDataTable {
  return openDataTable(
    'history',
    '更新履歴',
    [
      { id: 'version', header: '版', type: 'integer', description: '公表の版。', value: (v) => v.version },
      {
        id: 'published_on',
        header: '公表日',
        type: 'date',
        description: '公表日（西暦、YYYY-MM-DD、日本時間）。',
        value: (v) => tokyoDate(new Date(v.publishedAt)),
      },
      {
        id: 'published_on_wareki',
        header: '公表日（和暦）',
        type: 'text',
        description: '公表日の和暦表記。',
        value: (v) => dateLabel(new Date(v.publishedAt)).replace(/（.*$/, ''),
      },
      {
        id: 'reason',
        header: '訂正の理由',
        type: 'text',
        description: '訂正版の理由（初版は空欄）。',
        value: (v) => v.reason,
      },
      {
        id: 'fingerprint',
        header: 'フィンガープリント',
        type: 'code',
        description: 'その版が固定したデータのSHA-256（/public/wards/{区}/reports と同じ値）。',
        value: (v) => v.fingerprint,
      },
    ],
    input.versions,
  );
}

function datasetTable(input: OpenDataInput): OpenDataTable {
  const { model, publication } = input;
  const facts: Array<[string, string, string | number | undefined]> = [
    ['title', '名称', `${input.wardName} 総合戦略・アクションプラン ${warekiFiscalYear(model.fiscalYear)}末の進捗状況`],
    ['publisher', '作成者', input.wardName],
    ['local_government_code', '全国地方公共団体コード', input.localGovernmentCode],
    ['fiscal_year', '年度（西暦）', model.fiscalYear],
    ['version', '版', publication.version],
    ['published_on', '公表日', tokyoDate(new Date(publication.publishedAt))],
    ['fingerprint', 'フィンガープリント', input.fingerprint],
    ['encoding', '文字コード', ENCODING],
    ['blank_cells', '空欄の意味', '空欄は値がないこと（未評価、数値のない値、該当しない項目）。ゼロは 0 と記載する。'],
    ['source', '出典', `${input.wardName}の評価記録（公表時点のイベント位置 ${publication.position}）`],
  ];
  return openDataTable(
    'dataset',
    'データセットの説明',
    [
      { id: 'key', header: '項目ID', type: 'code', description: '説明項目のID。', value: (f) => f[0] },
      { id: 'item', header: '項目', type: 'text', description: '説明項目。', value: (f) => f[1] },
      { id: 'content', header: '内容', type: 'text', description: '内容。', value: (f) => f[2] },
    ],
    facts,
  );
}

type Definition = {
  table: Pick<OpenDataTable, 'name' | 'title' | 'columns'>;
  column: OpenDataTable['columns'][number];
  index: number;
};

/** Every column of every table, this one's own included. */
function definitionsTable(tables: OpenDataTable[]): OpenDataTable {
  const columns = definitionColumns();
  const self = {
    name: 'definitions',
    title: '項目定義',
    columns: columns.map(({ value: _value, ...column }) => column),
  };
  const rows = [...tables, self].flatMap((table) =>
    table.columns.map((column, index): Definition => ({ table, column, index })),
  );
  return openDataTable(self.name, self.title, columns, rows);
}

function definitionColumns(): Array<OpenDataColumn<Definition>> {
  return [
    {
      id: 'file',
      header: 'ファイル',
      type: 'code',
      description: 'ファイル名（拡張子なし）＝Excelのシート名。',
      value: (r) => r.table.name,
    },
    {
      id: 'file_title',
      header: 'ファイルの内容',
      type: 'text',
      description: 'ファイルの表の名称。',
      value: (r) => r.table.title,
    },
    {
      id: 'column_order',
      header: '列番号',
      type: 'integer',
      description: '列の位置（1から）。',
      value: (r) => r.index + 1,
    },
    {
      id: 'column_id',
      header: '物理名',
      type: 'code',
      description: '列の物理名（英数字、JSONのキー）。',
      value: (r) => r.column.id,
    },
    {
      id: 'column_name',
      header: '項目名',
      type: 'text',
      description: 'CSV・Excelの見出し。',
      value: (r) => r.column.header,
    },
    {
      id: 'data_type',
      header: '型',
      type: 'code',
      description: 'integer 整数、number 数値、code コード、text 文字列、date 日付（YYYY-MM-DD）。',
      value: (r) => r.column.type,
    },
    {
      id: 'unit',
      header: '単位',
      type: 'text',
      description: '列の単位（数値の単位が行ごとに違うときは「単位」列）。',
      value: (r) => r.column.unit,
    },
    { id: 'description', header: '説明', type: 'text', description: '列の定義。', value: (r) => r.column.description },
    {
      id: 'encoding',
      header: '文字コード',
      type: 'text',
      description: 'CSVの文字コードと形式。',
      value: () => ENCODING,
    },
  ];
}
