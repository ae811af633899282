import type { ReasonCategory } from '@pdca/review';

/**
 * A ward's revised rules for a new plan period: its new B-reason categories, where each old
 * category goes, and new wording for the grades. Applied when reading, never written back: the
 * stored ratings keep the codes they were given.
 */
export interface RuleRevision {
  /** e.g. 「第2期計画（令和6年度〜）の区分」 */
  name: string;
  bReasons: ReasonCategory[];
  /**
   * Old code → new code. A merge maps several old codes to one; a split maps the old code to the
   * default new one and names the items that go elsewhere in `assign`.
   */
  bReasonMap: Record<string, string>;
  /** Items of a split category that go to another new category: project id → new code. */
  assign?: Record<string, string>;
  /** New wording of grades (A+, A, …), where the ward changed it. */
  gradeLabels?: Record<string, string>;
}

export interface RevisionProblem {
  field: string;
  ja: string;
  en: string;
}

/** What is wrong with a revision, in Japanese and English, naming the field; empty when it can be applied. */
export function revisionProblems(revision: RuleRevision, oldReasons: readonly ReasonCategory[]): RevisionProblem[] {
  const problems: RevisionProblem[] = [];
  const codes = revision.bReasons.map((r) => r.code);
  if (!revision.name?.trim())
    problems.push({ field: 'name', ja: '改定の名称を入力してください。', en: 'Name the revision.' });
  if (codes.length === 0)
    problems.push({
      field: 'bReasons',
      ja: '新しいBの内訳を1つ以上指定してください。',
      en: 'Give at least one new B reason.',
    });
  if (new Set(codes).size !== codes.length)
    problems.push({
      field: 'bReasons',
      ja: 'Bの内訳のコードが重複しています。',
      en: 'A B reason code is given twice.',
    });
  revision.bReasons.forEach((r, i) => {
    if (!/^[a-z][a-z0-9_]{0,39}$/.test(r.code))
      problems.push({
        field: `bReasons[${i}].code`,
        ja: 'コードは英小文字・数字・_ で指定してください。',
        en: 'Codes are lower-case letters, digits and _.',
      });
    if (!r.label?.trim())
      problems.push({ field: `bReasons[${i}].label`, ja: '名称を入力してください。', en: 'Give the label.' });
  });
  for (const old of oldReasons) {
    const to = revision.bReasonMap[old.code];
    if (to === undefined)
      problems.push({
        field: `bReasonMap.${old.code}`,
        ja: `旧区分「${old.label}」の行き先を指定してください。`,
        en: `Say where the old category "${old.code}" goes.`,
      });
    else if (!codes.includes(to))
      problems.push({
        field: `bReasonMap.${old.code}`,
        ja: `行き先「${to}」は新しい区分にありません。`,
        en: `"${to}" is not a new category.`,
      });
  }
  for (const [projectId, to] of Object.entries(revision.assign ?? {})) {
    if (!codes.includes(to))
      problems.push({
        field: `assign.${projectId}`,
        ja: `行き先「${to}」は新しい区分にありません。`,
        en: `"${to}" is not a new category.`,
      });
  }
  return problems;
}
