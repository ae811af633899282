import { assertSafeId, sameJson } from '@pdca/kernel';
import { retiredEntry, unknownEntry, unknownReference } from './catalogue.errors';
import type { PlanPlacement } from './catalogue.events';
import type { CatalogueState, ProjectEntry } from './catalogue.state';

/** Rules several catalogue commands share; each command's own rules live in its slice. */

/** A project that exists and is not retired: only such a project can be changed. */
export function activeProject(state: CatalogueState, projectId: string): ProjectEntry {
  const project = state.projects[projectId];
  if (!project) throw unknownEntry('project', projectId);
  if (project.retired) throw retiredEntry('project', projectId);
  return project;
}

/** A section, pillar or plan that an entry refers to must be in the catalogue already. */
export function requireKnown(state: CatalogueState, kind: 'pillar' | 'plan' | 'section', id: string): void {
  const table = { pillar: state.pillars, plan: state.plans, section: state.sections }[kind];
  if (!table[id]) throw unknownReference(kind, id);
}

const ID_FIELDS = ['sectionId', 'pillarId', 'planId', 'projectId', 'kpiId'] as const;

/** Ids are keys of the catalogue's maps: a name like __proto__ must never become one. */
export function assertSafeIds(data: object): void {
  const fields = data as Record<string, unknown>;
  for (const field of ID_FIELDS) if (typeof fields[field] === 'string') assertSafeId(fields[field], field);
  const placement = (fields.home ?? fields.placement) as { planId?: string } | undefined;
  if (placement?.planId) assertSafeId(placement.planId, 'planId');
}

export const withoutUndefined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The same place in a plan: plan and numbered heading. */
export const samePlace = (a: PlanPlacement, b: PlanPlacement) => a.planId === b.planId && a.sectionNo === b.sectionNo;

/** Printed the same way there: heading title, the repost's own label and the part it covers. */
export const samePrint = (a: PlanPlacement, b: PlanPlacement) =>
  a.sectionTitle === b.sectionTitle && a.label === b.label && a.part === b.part;

/** The fields of `source` that `shape` names, with their values in `source`. */
export function pick<T extends object>(source: object, shape: T): T {
  return Object.fromEntries(Object.keys(shape).map((key) => [key, (source as Record<string, unknown>)[key]])) as T;
}

/** True when every field of `next` already has that value: such a change decides nothing. */
export const unchanged = (current: object, next: object): boolean => sameJson(pick(current, next), next);
