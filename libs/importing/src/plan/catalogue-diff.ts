import type { CatalogueCommand, CatalogueState, PlanPlacement } from '@pdca/catalogue';
import { sameJson } from '@pdca/kernel';
import type { Actor } from '@pdca/kernel';
import { describeChange, fieldChanges } from './changes';
import type { ChangeKind, ImportChange } from './changes';
import type { Draft, Drafts, Origin } from './context';

/** A command with the row it comes from; reposts bundled into a RegisterProject keep their own rows. */
export interface PlannedCommand {
  command: CatalogueCommand;
  origin: Origin;
  /** 'project:P01-001': what fails with it, so references to it are not reported again. */
  entity: string;
  reposts?: Draft<{ projectId: string; placement: PlanPlacement }>[];
  /** What the command would change, for the preview. */
  changes: ImportChange[];
}

export interface CatalogueDiff {
  planned: PlannedCommand[];
  unchanged: number;
}

/**
 * Commands that bring the catalogue to what the import says: Register… for what is new, Change… for
 * what differs, nothing for what is equal (a re-import decides nothing). Nothing is retired or
 * un-reposted for being absent from the file: an import adds and updates.
 */
export function diffCatalogue(drafts: Drafts, current: CatalogueState, actor: Actor): CatalogueDiff {
  const diff: CatalogueDiff = { planned: [], unchanged: 0 };
  const show = describeValue(drafts, current);
  const add = (
    kind: ChangeKind,
    id: string,
    name: string,
    origin: Origin,
    command: CatalogueCommand,
    before?: object,
    after?: object,
  ) => {
    const fields = before && after ? fieldChanges(kind, before, after, show) : [];
    const planned = {
      command,
      origin,
      entity: `${kind}:${id}`,
      changes: [describeChange(kind, id, name, origin, fields)],
    };
    diff.planned.push(planned);
    return planned;
  };
  for (const { data, origin } of drafts.sections.values()) {
    if (current.sections[data.sectionId]) diff.unchanged++;
    else
      add('section', data.sectionId, `${data.department} / ${data.name}`, origin, {
        type: 'RegisterSection',
        data,
        actor,
      });
  }
  for (const { data, origin } of drafts.pillars) {
    const before = current.pillars[data.pillarId];
    if (!before) add('pillar', data.pillarId, data.title, origin, { type: 'RegisterPillar', data, actor });
    else if (differs(before, data))
      add('pillar', data.pillarId, data.title, origin, { type: 'ChangePillar', data, actor }, before, data);
    else diff.unchanged++;
  }
  for (const { data, origin } of drafts.plans) {
    const before = current.plans[data.planId];
    if (!before) add('plan', data.planId, data.title, origin, { type: 'RegisterPlan', data, actor });
    else if (differs(before, data))
      add('plan', data.planId, data.title, origin, { type: 'ChangePlan', data, actor }, before, data);
    else diff.unchanged++;
  }
  drafts.projects.forEach((draft) => diffProject(diff, add, draft, current, drafts, actor));
  drafts.reposts
    .filter((r) => !drafts.projects.some((p) => p.data.projectId === r.data.projectId))
    .forEach((r) => diffRepost(diff, add, r, current, actor));
  for (const { data, origin } of drafts.kpis) {
    const before = current.kpis[data.kpiId];
    if (!before) add('kpi', data.kpiId, data.indicator, origin, { type: 'RegisterKpi', data, actor });
    else if (differs(before, data))
      add('kpi', data.kpiId, data.indicator, origin, { type: 'ChangeKpi', data, actor }, before, data);
    else diff.unchanged++;
  }
  return diff;
}

type Add = (
  kind: ChangeKind,
  id: string,
  name: string,
  origin: Origin,
  command: CatalogueCommand,
  before?: object,
  after?: object,
) => PlannedCommand;

function diffProject(
  diff: CatalogueDiff,
  add: Add,
  draft: Drafts['projects'][number],
  current: CatalogueState,
  drafts: Drafts,
  actor: Actor,
): void {
  const { data, annualPlan, origin } = draft;
  const before = current.projects[data.projectId];
  const reposts = drafts.reposts.filter((r) => r.data.projectId === data.projectId);
  if (!before) {
    const placements = reposts.map((r) => r.data.placement);
    const planned = add('project', data.projectId, data.name, origin, {
      type: 'RegisterProject',
      data: placements.length ? { ...data, reposts: placements } : data,
      actor,
    });
    planned.reposts = reposts;
    planned.changes.push(
      ...reposts.map((r) => describeChange('repost', data.projectId, placementName(r.data.placement), r.origin)),
    );
  } else if (differs(before, data)) {
    add('project', data.projectId, data.name, origin, { type: 'ChangeProject', data, actor }, pick(before, data), data);
  } else {
    diff.unchanged++;
  }
  if (before) reposts.forEach((r) => diffRepost(diff, add, r, current, actor));
  const plan = before?.annualPlans[annualPlan.fiscalYear];
  const yearOrigin = { ...origin, column: '年度' };
  const id = `${data.projectId} ${annualPlan.fiscalYear}`;
  if (!plan) add('annualPlan', id, '', yearOrigin, { type: 'SetAnnualPlan', data: annualPlan, actor });
  else if (differs(plan, annualPlan))
    add('annualPlan', id, '', yearOrigin, { type: 'SetAnnualPlan', data: annualPlan, actor }, plan, annualPlan);
  else diff.unchanged++;
}

function diffRepost(
  diff: CatalogueDiff,
  add: Add,
  repost: Drafts['reposts'][number],
  current: CatalogueState,
  actor: Actor,
): void {
  const { projectId, placement } = repost.data;
  // A repost already there under the same label and part is unchanged; a new label or part is recorded again.
  const there = current.projects[projectId]?.reposts.some(
    (p) => p.planId === placement.planId && p.sectionNo === placement.sectionNo && sameJson(p, placement),
  );
  if (there) diff.unchanged++;
  else
    add('repost', projectId, placementName(placement), repost.origin, {
      type: 'RepostProject',
      data: repost.data,
      actor,
    });
}

const placementName = (p: PlanPlacement) => `→ 戦略計画${p.planId} ${p.sectionNo}`;

/** Compared on the fields the import sets; what the catalogue holds beyond them (e-mails, reposts) is left alone. */
const differs = (before: object, after: object) => !sameJson(pick(before, after), after);

function pick<T extends object>(source: object, shape: T): T {
  return Object.fromEntries(Object.keys(shape).map((key) => [key, (source as Record<string, unknown>)[key]])) as T;
}

function describeValue(drafts: Drafts, current: CatalogueState) {
  return (field: string, value: unknown): string => {
    if (value === undefined || value === null) return '';
    if (field === 'sectionId' && typeof value === 'string') {
      const section = drafts.sections.get(value)?.data ?? current.sections[value];
      return section ? `${section.department} / ${section.name}` : value;
    }
    if (typeof value === 'boolean') return value ? '1' : '';
    // Catalogue data is JSON and fieldChanges() flattens objects: a list is joined by commas as before.
    if (Array.isArray(value)) return value.join(',');
    return typeof value === 'string' ? value : JSON.stringify(value);
  };
}
