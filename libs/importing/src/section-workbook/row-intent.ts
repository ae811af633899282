import { parseMeasuredValue } from '@pdca/kernel';
import { NERIMA_GRADES } from '@pdca/review';
import type { Actual, ItemKind, NerimaGrade, Rating, ReasonCategory, Scheme } from '@pdca/review';
import { normalizeGrade } from '../plan/cells';
import { reasonCode } from '../plan/project-rating';
import { rowError } from '../row-error';
import type { RowError } from '../row-error';
import type { WorkbookRow } from './read-section-workbook';
import type { Cells } from './workbook-cells';
import { columnOf, NO, YES } from './workbook-columns';
import type { CellKey } from './workbook-columns';

/** What a row asks for: the values it holds, and whether to submit them or keep them as a draft. */
export interface RowIntent {
  actual?: Actual;
  rating?: Rating;
  submit: boolean;
}

/** The same limits as the JSON commands (evaluation.request.dto.ts). */
const LIMITS: Partial<Record<CellKey, number>> = {
  actual: 2_000,
  actualAsOf: 50,
  note: 2_000,
  performanceTarget: 2_000,
  withdrawalCriterion: 2_000,
};
const KPI_VALUE_LIMIT = 200;

export class CellProblems {
  readonly errors: RowError[] = [];
  constructor(
    private readonly row: WorkbookRow,
    private readonly scheme: Scheme,
  ) {}

  fail(key: CellKey, code: string, ja: string, en: string): void {
    const column = columnOf(this.scheme, this.row.sheet, key)?.header ?? key;
    const value = this.row.cells[key];
    this.errors.push(
      rowError(
        { table: this.row.sheet, row: this.row.row, column, value: value ? value.slice(0, 200) : undefined },
        code,
        ja,
        en,
      ),
    );
  }
}

/** Reads the editable cells into domain values; what the cells cannot even express is a problem here, the rest is for decide. */
export function readRowIntent(
  row: WorkbookRow,
  kind: ItemKind,
  scheme: Scheme,
  bReasons: readonly ReasonCategory[],
): { intent: RowIntent; errors: RowError[] } {
  const problems = new CellProblems(row, scheme);
  checkLengths(row.cells, kind, problems);
  const intent: RowIntent = { submit: readYesNo(row.cells.submit, 'submit', problems) ?? false };
  const actual = kind === 'project' ? projectActual(row.cells) : kpiActual(row.cells, problems);
  if (actual) intent.actual = actual;
  const rating = RATING_READERS[scheme](row.cells, kind, bReasons, problems);
  if (rating) intent.rating = rating;
  return { intent, errors: problems.errors };
}

function checkLengths(cells: Cells, kind: ItemKind, problems: CellProblems): void {
  for (const [key, limit] of Object.entries(LIMITS) as [CellKey, number][]) {
    const max = key === 'actual' && kind === 'kpi' ? KPI_VALUE_LIMIT : limit;
    if ((cells[key]?.length ?? 0) > max)
      problems.fail(key, 'TEXT_TOO_LONG', `${max}文字以内で入力してください。`, `At most ${max} characters.`);
  }
}

function readYesNo(cell: string | undefined, key: CellKey, problems: CellProblems): boolean | undefined {
  const value = (cell ?? '').normalize('NFKC').trim().toLowerCase();
  if (value === '') return undefined;
  if (value === YES || value === 'yes') return true;
  if (value === NO || value === 'no') return false;
  problems.fail(
    key,
    'YES_NO_INVALID',
    `「${YES}」または「${NO}」を入力してください。`,
    `Enter ${YES} (yes) or ${NO} (no).`,
  );
  return undefined;
}

const projectActual = (cells: Cells): Actual | undefined =>
  cells.actual ? { kind: 'project', text: cells.actual } : undefined;

function kpiActual(cells: Cells, problems: CellProblems): Actual | undefined {
  const value = cells.actual ?? '';
  const asOf = cells.actualAsOf ?? '';
  if (value && !asOf)
    problems.fail(
      'actualAsOf',
      'FIELD_REQUIRED',
      '実績値の時点を入力してください。',
      'Please give the as-of of the value.',
    );
  if (asOf && !value)
    problems.fail(
      'actual',
      'FIELD_REQUIRED',
      '時点に対応する実績値を入力してください。',
      'Please give the value for this as-of.',
    );
  return value && asOf ? { kind: 'kpi', value: parseMeasuredValue(value), asOf } : undefined;
}

function nerimaRating(
  cells: Cells,
  kind: ItemKind,
  bReasons: readonly ReasonCategory[],
  problems: CellProblems,
): Rating | undefined {
  if (kind === 'kpi') return undefined; // Nerima does not rate KPIs: the sheet has no rating columns
  const grade = normalizeGrade(cells.grade ?? '');
  if (!grade) {
    if (cells.bReason || cells.note)
      problems.fail(
        'grade',
        'GRADE_REQUIRED',
        '進捗状況を選んでください（Bの内訳・備考は進捗状況とともに入力します）。',
        'Choose a rating (a B reason or note goes with a rating).',
      );
    return undefined;
  }
  if (!NERIMA_GRADES.includes(grade as NerimaGrade)) {
    problems.fail(
      'grade',
      'RATING_INVALID',
      `進捗状況は ${NERIMA_GRADES.join(' / ')} のいずれかです。`,
      `The rating must be one of ${NERIMA_GRADES.join(', ')}.`,
    );
    return undefined;
  }
  return {
    scheme: 'nerima',
    grade: grade as NerimaGrade,
    ...(cells.bReason ? { bReason: reasonCode(cells.bReason, bReasons) } : {}),
    ...(cells.note ? { note: cells.note } : {}),
  };
}

function taishoRating(cells: Cells, problems: CellProblems): Rating | undefined {
  const achievement = (cells.achievement ?? '').normalize('NFKC').trim().toUpperCase();
  const hit = readYesNo(cells.withdrawalCriterionHit, 'withdrawalCriterionHit', problems);
  if (!achievement) {
    if (cells.performanceTarget || cells.withdrawalCriterion || hit !== undefined || cells.note) {
      problems.fail(
        'achievement',
        'GRADE_REQUIRED',
        '達成状況を選んでください（ほかの評価欄は達成状況とともに入力します）。',
        'Choose an achievement (the other rating cells go with it).',
      );
    }
    return undefined;
  }
  if (achievement !== 'A' && achievement !== 'B') {
    problems.fail('achievement', 'RATING_INVALID', '達成状況は A または B です。', 'The achievement must be A or B.');
    return undefined;
  }
  return {
    scheme: 'taisho',
    achievement,
    ...(cells.performanceTarget ? { performanceTarget: cells.performanceTarget } : {}),
    ...(cells.withdrawalCriterion ? { withdrawalCriterion: cells.withdrawalCriterion } : {}),
    ...(hit !== undefined ? { withdrawalCriterionHit: hit } : {}),
    ...(cells.note ? { note: cells.note } : {}),
  };
}

/** Reads the grade a workbook row holds; KPIs are not rated where the scheme rates projects only (no rating columns). */
function ordinalRating(
  cells: Cells,
  kind: ItemKind,
  _bReasons: readonly ReasonCategory[],
  problems: CellProblems,
): Rating | undefined {
  if (kind === 'kpi') return undefined;
  const grade = (cells.grade ?? '').normalize('NFKC').trim();
  if (!grade) {
    if (cells.note)
      problems.fail(
        'grade',
        'GRADE_REQUIRED',
        '評価を入力してください（備考は評価とともに入力します）。',
        'Choose a rating (a note goes with a rating).',
      );
    return undefined;
  }
  return { scheme: 'ordinal', grade, ...(cells.note ? { note: cells.note } : {}) };
}

type RatingReader = (
  cells: Cells,
  kind: ItemKind,
  bReasons: readonly ReasonCategory[],
  problems: CellProblems,
) => Rating | undefined;

/** One reader per scheme; exhaustive, so a new scheme says how its workbook is read. */
const RATING_READERS: Record<Scheme, RatingReader> = {
  nerima: nerimaRating,
  taisho: (cells, _kind, _reasons, problems) => taishoRating(cells, problems),
  ordinal: ordinalRating,
};
