import { DomainError } from '@pdca/kernel';
import { assertValidRating, NERIMA_GRADES } from '@pdca/review';
import type { NerimaGrade, NerimaRating, RatedItem, ReasonCategory } from '@pdca/review';
import type { ProjectRow } from '../format/import-tables';
import { normalizeGrade } from './cells';
import type { RowCheck } from './row-check';

/** The ward's short labels for the default B categories (Bの内訳 as the report prints them). */
const SHORT_REASON_LABELS: Record<string, string> = {
  コロナ: 'covid19',
  まちづくり: 'town_development',
  工事: 'construction',
  その他: 'other',
};

/** A label, a category's full label or its code → the code; anything else is passed on for the rules to reject. */
export function reasonCode(cell: string, bReasons: readonly ReasonCategory[]): string {
  const value = cell.normalize('NFKC').trim();
  return bReasons.find((r) => r.code === value || r.label === value)?.code ?? SHORT_REASON_LABELS[value] ?? value;
}

const FIELD_COLUMNS: Record<string, 'rating' | 'bReason' | 'note'> = {
  'rating.bReason': 'bReason',
  'rating.note': 'note',
};

/**
 * The row's Nerima rating, checked by the review domain's own rules (assertValidRating).
 * Those stop at the first broken rule; repairing that field and asking again lists every rule the row breaks.
 */
export function readRating(
  check: RowCheck<'取組'>,
  row: ProjectRow,
  item: RatedItem,
  bReasons: readonly ReasonCategory[],
): NerimaRating | undefined {
  const grade = normalizeGrade(row.rating);
  if (!grade) {
    if (row.bReason)
      check.fail(
        'bReason',
        'B_REASON_ONLY_FOR_B',
        'B の内訳は進捗状況 B の行にのみ入力します。',
        'A B reason only goes with rating B.',
      );
    return undefined;
  }
  if (!NERIMA_GRADES.includes(grade as NerimaGrade)) {
    check.fail(
      'rating',
      'RATING_INVALID',
      `進捗状況は ${NERIMA_GRADES.join(', ')} のいずれかです。`,
      `The rating must be one of ${NERIMA_GRADES.join(', ')}.`,
    );
    return undefined;
  }
  const rating: NerimaRating = { scheme: 'nerima', grade: grade as NerimaGrade };
  if (row.bReason) rating.bReason = reasonCode(row.bReason, bReasons);
  if (row.note) rating.note = row.note;
  let probe = { rating: { ...rating }, item: { ...item } };
  for (let attempt = 0; attempt < 5; attempt++) {
    const error = ruleBroken(probe.rating, probe.item, bReasons);
    if (!error) break;
    check.fail(FIELD_COLUMNS[String(error.details.field)] ?? 'rating', error.code, error.messageJa, error.messageEn);
    const repaired = repair(error, probe, bReasons);
    if (!repaired) break;
    probe = repaired;
  }
  return check.ok ? rating : undefined;
}

function ruleBroken(
  rating: NerimaRating,
  item: RatedItem,
  bReasons: readonly ReasonCategory[],
): DomainError | undefined {
  try {
    assertValidRating(rating, 'nerima', item, { bReasons });
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

type Probe = { rating: NerimaRating; item: RatedItem };

function repair(error: DomainError, { rating, item }: Probe, bReasons: readonly ReasonCategory[]): Probe | undefined {
  const field = error.details.field;
  if (error.code === 'B_REASON_UNKNOWN' || field === 'rating.bReason') {
    if (error.code === 'B_REASON_ONLY_FOR_B') return { rating: { ...rating, bReason: undefined }, item };
    return bReasons[0] ? { rating: { ...rating, bReason: bReasons[0].code }, item } : undefined;
  }
  if (field === 'rating.note') return { rating: { ...rating, note: '…' }, item };
  if (error.code === 'DASH_REQUIRES_NOTHING_PLANNED') return { rating, item: { ...item, nothingPlanned: true } };
  if (error.code === 'STAR_REQUIRES_LONG_TERM_PROJECT')
    return { rating, item: { ...item, notSuitedForShortTermEvaluation: true } };
  return undefined;
}
