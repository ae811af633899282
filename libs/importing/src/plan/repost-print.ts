import type { PlanPlacement } from '@pdca/catalogue';
import type { ProjectRow } from '../format/import-tables';
import { rowError } from '../row-error';
import type { RowError } from '../row-error';
import { normalizeGrade, normalizeId } from './cells';

/** 【戦略計画9-3の再掲】, 【…の一部再掲】, 【再掲】: the cross-reference the report prints itself. */
const REPOST_TAG = /\s*【[^】]*再掲】\s*/g;
const PARTIAL_TAG = /【[^】]*一部再掲】/;
/** The fixture's convention for sub-lines sharing one rating cell (README judgement call 1). */
const MERGED_LINES = ' / ';

/**
 * What a repost row prints of its own: its name without the 【…再掲】 tag (the label), and, where it
 * covers only part of the original, which part. A part is read only where the file shows one: the tag
 * says 一部再掲 (the part is the repost's own target), or the original merges several lines into one
 * rating and one of them is named in the repost's label (A路線 of 貫井・富士見台地区); otherwise the
 * repost's own target text. Whatever cannot be told from the file stays a whole repost.
 */
export function repostPrint(row: ProjectRow, original: ProjectRow | undefined): Pick<PlanPlacement, 'label' | 'part'> {
  const label = row.name.replace(REPOST_TAG, ' ').replace(/\s+/g, ' ').trim();
  const part = partOf(row, label, original);
  return { ...(label ? { label } : {}), ...(part ? { part } : {}) };
}

function partOf(row: ProjectRow, label: string, original: ProjectRow | undefined): string | undefined {
  const target = row.target.trim();
  if (PARTIAL_TAG.test(row.name)) return target || '一部';
  const lines = original?.target.split(MERGED_LINES) ?? [];
  if (lines.length < 2 || !target || lines.includes(target)) return undefined;
  const named = lines.filter(
    (line) => line.endsWith(target) && line !== target && label.includes(line.slice(0, -target.length).trim()),
  );
  return named.length === 1 ? named[0] : target;
}

/**
 * A repost is rated with its original (counted once); where the ward's file prints another rating on
 * the repost row, the import goes ahead with the original's and says so, so the office can check the source.
 */
export function repostRatingWarnings(rows: ProjectRow[], originals: Map<string, ProjectRow>): RowError[] {
  return rows.flatMap((row) => {
    const sourceId = normalizeId(row.repostOf);
    const original = row.repostOf ? originals.get(sourceId) : undefined;
    const printed = normalizeGrade(row.rating);
    const rated = original ? normalizeGrade(original.rating) : '';
    if (!original || !printed || !rated || printed === rated) return [];
    const at = { table: row.table, row: row.row, column: '進捗状況', value: row.rating };
    return [
      rowError(
        at,
        'REPOST_RATING_DIFFERS',
        `再掲行の進捗状況「${printed}」が再掲元 ${sourceId} の「${rated}」と異なります。再掲の評価は元の取組の評価（${rated}）とし、集計には数えません。`,
        `This repost prints rating ${printed} but its original ${sourceId} is rated ${rated}; a repost takes its original's rating (${rated}) and is not counted again.`,
      ),
    ];
  });
}
