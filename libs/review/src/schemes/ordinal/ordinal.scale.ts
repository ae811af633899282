import { invalid } from '@pdca/kernel';

export interface OrdinalGrade {
  /** What is written in the rating column: S, A, 1 … */
  code: string;
  /** What it means, as printed in the summary and the reading guide. */
  label: string;
  /** The English wording for the English screens; the Japanese label when absent. */
  labelEn?: string;
}

/** The ward's scale for one cycle: grades best first, and which of them need a reason (備考). */
export interface OrdinalScale {
  grades: OrdinalGrade[];
  reasonRequired: string[];
}

export const MAX_ORDINAL_GRADES = 10;
const CODE = /^[A-Za-z0-9+\-*]{1,4}$/;

const bad = (code: string, field: string, ja: string, en: string) => invalid(code, ja, en, { field });

/** Checked once at OpenCycle: a scale the reports and the rules can rely on. 400 naming the field. */
export function assertValidOrdinalScale(scale: OrdinalScale | undefined): asserts scale is OrdinalScale {
  if (!scale)
    throw bad(
      'SCALE_REQUIRED',
      'ordinalScale',
      '評価段階（ordinalScale）を指定してください。',
      'ordinalScale is required for the ordinal scheme.',
    );
  if (scale.grades.length < 2 || scale.grades.length > MAX_ORDINAL_GRADES) {
    throw bad(
      'SCALE_SIZE',
      'ordinalScale.grades',
      `評価段階（ordinalScale.grades）は2〜${MAX_ORDINAL_GRADES}段階で指定してください。`,
      `ordinalScale.grades must have 2 to ${MAX_ORDINAL_GRADES} grades.`,
    );
  }
  const seen = new Set<string>();
  scale.grades.forEach((grade, i) => {
    const at = `ordinalScale.grades[${i}]`;
    if (!CODE.test(grade.code)) {
      throw bad(
        'SCALE_GRADE_INVALID',
        `${at}.code`,
        `評価段階の記号（${at}.code）は英数字・+・-・* の1〜4文字です。`,
        `${at}.code must be 1 to 4 letters, digits, +, - or *.`,
      );
    }
    if (seen.has(grade.code))
      throw bad(
        'SCALE_GRADE_DUPLICATE',
        `${at}.code`,
        `評価段階「${grade.code}」（${at}.code）が重複しています。`,
        `Grade ${grade.code} (${at}.code) is listed twice.`,
      );
    seen.add(grade.code);
    if (!grade.label.trim())
      throw bad(
        'SCALE_LABEL_EMPTY',
        `${at}.label`,
        `評価段階「${grade.code}」の説明（${at}.label）を入力してください。`,
        `Grade ${grade.code} needs a label (${at}.label).`,
      );
    if (grade.labelEn !== undefined && !grade.labelEn.trim()) {
      throw bad(
        'SCALE_LABEL_EMPTY',
        `${at}.labelEn`,
        `評価段階「${grade.code}」の英語の説明（${at}.labelEn）が空です。`,
        `Grade ${grade.code} has an empty English label (${at}.labelEn).`,
      );
    }
  });
  scale.reasonRequired.forEach((code, i) => {
    if (!seen.has(code)) {
      const at = `ordinalScale.reasonRequired[${i}]`;
      throw bad(
        'SCALE_REASON_GRADE_UNKNOWN',
        at,
        `理由を必須とする評価「${code}」（${at}）は評価段階にありません。`,
        `Grade ${code} (${at}) requires a reason but is not on the scale.`,
      );
    }
  });
}
