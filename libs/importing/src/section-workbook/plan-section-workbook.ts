import type { ItemKind, ReasonCategory, Scheme } from '@pdca/review';
import { rowError } from '../row-error';
import type { RowError } from '../row-error';
import { decideWorkbookRow } from './decide-row';
import type { RowCommand, RowFacts, RowOutcome } from './decide-row';
import type { ReadWorkbook, WorkbookRow } from './read-section-workbook';
import { readRowIntent } from './row-intent';
import { columnOf } from './workbook-columns';
import type { WorkbookSheet } from './workbook-columns';

export const KIND_OF_SHEET: Record<WorkbookSheet, ItemKind> = { 取組: 'project', 指標: 'kpi' };

/** What the API found for a row's id: the item's facts, or why the row cannot be about it. */
export type ItemLookup =
  | { found: true; name: string; facts: RowFacts }
  | { found: false; problem: 'unknown' | 'out_of_scope' | 'other_section' };

export interface PlannedRow {
  sheet: WorkbookSheet;
  row: number;
  kind: ItemKind;
  itemId: string;
  name?: string;
  outcome: RowOutcome;
  command?: RowCommand;
  errors: RowError[];
  warnings: RowError[];
}

export interface WorkbookPlan {
  valid: boolean;
  counts: Record<RowOutcome, number>;
  rows: PlannedRow[];
  /** Problems of the file itself (missing columns, malformed CSV). */
  fileErrors: RowError[];
  errorCount: number;
}

export interface PlanInput {
  read: ReadWorkbook;
  scheme: Scheme;
  bReasons: readonly ReasonCategory[];
  lookup: (kind: ItemKind, itemId: string) => ItemLookup;
}

/** Every row of an uploaded workbook, decided: no change, save a draft, submit, or its errors. Pure. */
export function planSectionWorkbook({ read, scheme, bReasons, lookup }: PlanInput): WorkbookPlan {
  const seen = new Set<string>();
  const rows = read.rows.map((row) => planRow(row, scheme, bReasons, lookup, seen));
  const counts: Record<RowOutcome, number> = { unchanged: 0, draft: 0, submit: 0, applied: 0, error: 0 };
  for (const row of rows) counts[row.outcome]++;
  const errorCount = read.errors.length + rows.reduce((sum, row) => sum + row.errors.length, 0);
  return { valid: errorCount === 0, counts, rows, fileErrors: read.errors, errorCount };
}

function planRow(
  row: WorkbookRow,
  scheme: Scheme,
  bReasons: readonly ReasonCategory[],
  lookup: PlanInput['lookup'],
  seen: Set<string>,
): PlannedRow {
  const kind = KIND_OF_SHEET[row.sheet];
  const base = { sheet: row.sheet, row: row.row, kind, itemId: row.itemId };
  const idError = identify(row, kind, scheme, lookup, seen);
  if (idError) return { ...base, outcome: 'error', errors: [idError], warnings: [] };
  const item = lookup(kind, row.itemId) as Extract<ItemLookup, { found: true }>;
  const { intent, errors } = readRowIntent(row, kind, scheme, bReasons);
  if (errors.length > 0) return { ...base, name: item.name, outcome: 'error', errors, warnings: [] };
  return { ...base, name: item.name, ...decideWorkbookRow(row, intent, item.facts) };
}

const PROBLEMS = {
  unknown: ['ITEM_NOT_FOUND', 'この ID の取組・指標はありません。', 'No project or KPI has this id.'],
  out_of_scope: [
    'ITEM_NOT_IN_SCOPE',
    'この取組・指標はこの年度の対象ではありません。',
    'This item is not in the scope of this fiscal year.',
  ],
  other_section: [
    'ITEM_OF_ANOTHER_SECTION',
    'この取組・指標は他の事業実施課の担当です。この課のファイルから削除してください。',
    "This item belongs to another section; remove it from this section's file.",
  ],
} as const;

function identify(
  row: WorkbookRow,
  kind: ItemKind,
  scheme: Scheme,
  lookup: PlanInput['lookup'],
  seen: Set<string>,
): RowError | undefined {
  const at = {
    table: row.sheet,
    row: row.row,
    column: columnOf(scheme, row.sheet, 'itemId')!.header,
    value: row.itemId || undefined,
  };
  if (!row.itemId) return rowError(at, 'ITEM_ID_REQUIRED', 'ID が空欄です。', 'The id is empty.');
  const key = `${kind}:${row.itemId}`;
  if (seen.has(key))
    return rowError(
      at,
      'ROW_DUPLICATE',
      '同じ ID の行が前にもあります（1行にまとめてください）。',
      'An earlier row has the same id; keep one row per item.',
    );
  seen.add(key);
  const item = lookup(kind, row.itemId);
  if (item.found) return undefined;
  const [code, ja, en] = PROBLEMS[item.problem];
  return rowError(at, code, ja, en);
}
