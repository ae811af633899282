import type { ReasonCategory, RuleRevision, YearRules } from './reprojection-api';

/** A revised category as typed; `key` stays the same while its code is edited, so choices keep pointing at it. */
export interface CategoryDraft {
  key: string;
  code: string;
  label: string;
}

/** The form's state, the way the office thinks of a revision; `toRevision` turns it into the API's body. */
export interface RevisionDraft {
  name: string;
  /** Grade (A+, A, …) → its wording, starting from the year's own. */
  gradeLabels: Record<string, string>;
  categories: CategoryDraft[];
  /** Old category code → the key of the revised category it goes to (undefined: not chosen). */
  destination: Record<string, string | undefined>;
  /** Project id → the key of the revised category it goes to instead of its category's destination. */
  assign: Record<string, string>;
}

let nextKey = 0;
const newKey = () => `c${++nextKey}`;

/** Every old category kept as it is: the office edits from there. */
export function initialDraft(year: YearRules): RevisionDraft {
  const categories = year.bReasons.map((reason) => ({ key: newKey(), code: reason.code, label: reason.label }));
  return {
    name: '',
    gradeLabels: Object.fromEntries(year.grades.map((grade) => [grade.key, grade.label])),
    categories,
    destination: Object.fromEntries(year.bReasons.map((reason, i) => [reason.code, categories[i].key])),
    assign: {},
  };
}

export function addCategory(draft: RevisionDraft): RevisionDraft {
  return { ...draft, categories: [...draft.categories, { key: newKey(), code: '', label: '' }] };
}

/** Removing a category also drops every choice that pointed at it (the API then names what has no home). */
export function removeCategory(draft: RevisionDraft, key: string): RevisionDraft {
  const pointing = ([, to]: [string, string | undefined]) => to !== key;
  return {
    ...draft,
    categories: draft.categories.filter((category) => category.key !== key),
    destination: Object.fromEntries(Object.entries(draft.destination).filter(pointing)),
    assign: Object.fromEntries(Object.entries(draft.assign).filter(pointing)),
  };
}

export function updateCategory(draft: RevisionDraft, key: string, change: Partial<CategoryDraft>): RevisionDraft {
  return {
    ...draft,
    categories: draft.categories.map((category) => (category.key === key ? { ...category, ...change } : category)),
  };
}

/** A project's own choice; choosing its category's destination again removes the exception. */
export function assignProject(draft: RevisionDraft, projectId: string, key: string | undefined): RevisionDraft {
  const { [projectId]: _previous, ...rest } = draft.assign;
  return { ...draft, assign: key ? { ...rest, [projectId]: key } : rest };
}

/**
 * The API's RuleRevision: codes as typed (the API checks them and names the field), a grade's
 * wording only where it changed, a project's exception only where it differs from its category's.
 */
export function toRevision(draft: RevisionDraft, year: YearRules): RuleRevision {
  const codeOf = (key: string | undefined) => draft.categories.find((category) => category.key === key)?.code;
  const bReasonMap: Record<string, string> = {};
  for (const reason of year.bReasons) {
    const code = codeOf(draft.destination[reason.code]);
    if (code !== undefined) bReasonMap[reason.code] = code;
  }
  const assign: Record<string, string> = {};
  for (const project of year.bProjects) {
    const own = draft.assign[project.projectId];
    if (own && own !== draft.destination[project.bReason]) assign[project.projectId] = codeOf(own) ?? '';
  }
  const gradeLabels: Record<string, string> = {};
  for (const grade of year.grades) {
    const label = draft.gradeLabels[grade.key]?.trim();
    if (label && label !== grade.label) gradeLabels[grade.key] = label;
  }
  return {
    name: draft.name.trim(),
    bReasons: draft.categories.map((category): ReasonCategory => ({
      code: category.code.trim(),
      label: category.label.trim(),
    })),
    bReasonMap,
    ...(Object.keys(assign).length ? { assign } : {}),
    ...(Object.keys(gradeLabels).length ? { gradeLabels } : {}),
  };
}

/** The API names list items both ways ("bReasons.2.code" from validation, "bReasons[2].code" from the rules): one form. */
export const fieldKey = (field: string) => field.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
