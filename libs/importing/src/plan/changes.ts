import type { ImportTable } from '../format/import-tables';
import type { Origin } from './context';

export type ChangeKind = 'section' | 'pillar' | 'plan' | 'project' | 'repost' | 'annualPlan' | 'kpi';

export interface FieldChange {
  /** Path in the catalogue data, e.g. "home.sectionNo". */
  field: string;
  /** The column it comes from, in Japanese. */
  label: string;
  before: string;
  after: string;
}

/** One difference the import would make to the catalogue, for the user to read before confirming. */
export interface ImportChange {
  kind: ChangeKind;
  action: 'added' | 'changed';
  id: string;
  table: ImportTable;
  row: number;
  fields: FieldChange[];
  summaryJa: string;
  summaryEn: string;
}

const KIND_NAMES: Record<ChangeKind, { ja: string; en: string }> = {
  section: { ja: '事業実施課', en: 'section' },
  pillar: { ja: '基本目標', en: 'pillar' },
  plan: { ja: '戦略計画', en: 'plan' },
  project: { ja: '取組', en: 'project' },
  repost: { ja: '再掲', en: 'repost of project' },
  annualPlan: { ja: '年度計画', en: 'annual plan of' },
  kpi: { ja: '指標', en: 'KPI' },
};

const LABELS: Record<string, string> = {
  title: '名称',
  code: '番号',
  pillarId: '基本目標',
  planId: '戦略計画',
  name: '名称',
  department: '事業実施部',
  'home.planId': '戦略計画',
  'home.sectionNo': '項目番号',
  'home.sectionTitle': '項目名',
  sectionId: '事業実施課',
  notSuitedForShortTermEvaluation: '短期評価対象外',
  target: '目標',
  statusAtPreviousYearEnd: '前年度末の現況',
  planned: '当初計画',
  indicator: '指標',
  kind: '区分',
  'baseline.value.text': '現状値',
  'baseline.asOf': '現状値時点',
  'target.value.text': '目標値',
  'target.asOf': '目標時点',
};

const KIND_LABELS: Partial<Record<ChangeKind, Record<string, string>>> = {
  project: { name: '取組名' },
  section: { name: '事業実施課' },
};

/** Field-level differences; numbers and units parsed from a value's text are shown through the text. */
export function fieldChanges(
  kind: ChangeKind,
  before: object,
  after: object,
  show: (field: string, value: unknown) => string,
): FieldChange[] {
  const old = flatten(before);
  const label = (field: string) => KIND_LABELS[kind]?.[field] ?? LABELS[field] ?? field;
  const all = Object.entries(flatten(after))
    .filter(([field, value]) => JSON.stringify(old[field]) !== JSON.stringify(value))
    .map(([field, value]) => ({
      field,
      label: label(field),
      before: show(field, old[field]),
      after: show(field, value),
    }));
  const shown = all.filter((change) => !/\.value\.(number|unit)$/.test(change.field));
  return shown.length > 0 ? shown : all;
}

function flatten(value: object, prefix = ''): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).flatMap(([key, v]) =>
      v !== null && typeof v === 'object' && !Array.isArray(v)
        ? Object.entries(flatten(v, `${prefix}${key}.`))
        : [[`${prefix}${key}`, v]],
    ),
  );
}

export function describeChange(
  kind: ChangeKind,
  id: string,
  name: string,
  origin: Origin,
  fields: FieldChange[] = [],
): ImportChange {
  const { ja, en } = KIND_NAMES[kind];
  const base = { kind, id, table: origin.table, row: origin.row.row, fields };
  if (fields.length === 0) {
    return {
      ...base,
      action: 'added',
      summaryJa: `${ja}「${id}」${name ? ` ${name}` : ''} を追加`,
      summaryEn: `Add ${en} ${id}${name ? ` ${name}` : ''}`,
    };
  }
  return {
    ...base,
    action: 'changed',
    summaryJa: `${ja}「${id}」を変更: ${fields.map((f) => `${f.label}「${f.before}」→「${f.after}」`).join('、')}`,
    summaryEn: `Change ${en} ${id}: ${fields.map((f) => `${f.field} "${f.before}" → "${f.after}"`).join(', ')}`,
  };
}
