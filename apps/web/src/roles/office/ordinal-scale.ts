import type { OrdinalScale } from '../../api/types';

/** One grade row of the scale editor; `key` keeps React's rows apart while codes are being typed. */
export interface GradeDraft {
  key: number;
  code: string;
  label: string;
  labelEn: string;
  reasonRequired: boolean;
}

export const MAX_GRADES = 10;
const CODE = /^[A-Za-z0-9+\-*]{1,4}$/; // the same rule as libs/review ordinal.scale.ts

let nextKey = 0;
export const newGrade = (code = '', label = '', labelEn = '', reasonRequired = false): GradeDraft => ({
  key: nextKey++,
  code,
  label,
  labelEn,
  reasonRequired,
});

/**
 * The form starts from a common five-grade scale (S–D) with C and D needing a reason, as most wards
 * that rate on their own scale do; the office edits codes and wording, adds or removes grades.
 */
export const exampleScale = (): GradeDraft[] => [
  newGrade('S', '計画を上回って達成', 'Achieved beyond the plan'),
  newGrade('A', '計画どおり達成', 'Achieved as planned'),
  newGrade('B', '概ね計画どおり', 'Mostly as planned'),
  newGrade('C', '計画を下回った', 'Below the plan', true),
  newGrade('D', '未実施', 'Not carried out', true),
];

/** The API's ordinalScale: English labels only where typed, reasons only for the grades ticked. */
export function scaleFrom(grades: GradeDraft[]): OrdinalScale {
  return {
    grades: grades.map(({ code, label, labelEn }) => ({
      code: code.trim(),
      label: label.trim(),
      ...(labelEn.trim() ? { labelEn: labelEn.trim() } : {}),
    })),
    reasonRequired: grades.filter((grade) => grade.reasonRequired).map((grade) => grade.code.trim()),
  };
}

export type ScaleProblem = 'size' | 'code' | 'duplicate' | 'label';

/** The server's checks (assertValidOrdinalScale), before sending: problems keyed by the API's field path. */
export function scaleProblems(grades: GradeDraft[]): Record<string, ScaleProblem> {
  const problems: Record<string, ScaleProblem> = {};
  if (grades.length < 2 || grades.length > MAX_GRADES) problems['ordinalScale.grades'] = 'size';
  const seen = new Set<string>();
  grades.forEach((grade, i) => {
    const code = grade.code.trim();
    if (!CODE.test(code)) problems[`ordinalScale.grades[${i}].code`] = 'code';
    else if (seen.has(code)) problems[`ordinalScale.grades[${i}].code`] = 'duplicate';
    seen.add(code);
    if (!grade.label.trim()) problems[`ordinalScale.grades[${i}].label`] = 'label';
  });
  return problems;
}
