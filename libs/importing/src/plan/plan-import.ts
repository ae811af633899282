import type { CatalogueCommand, CatalogueState } from '@pdca/catalogue';
import { forbidden, requireRole } from '@pdca/kernel';
import type { Actor } from '@pdca/kernel';
import { DEFAULT_B_REASONS } from '@pdca/review';
import type { ReasonCategory } from '@pdca/review';
import type { ParsedImport } from '../read/parse-import';
import { byPosition } from '../row-error';
import type { RowError } from '../row-error';
import { diffCatalogue } from './catalogue-diff';
import { emptyDrafts } from './context';
import type { ImportedRecord, PlanContext } from './context';
import { decideInRowOrder } from './decide-rows';
import { readKpis } from './kpi-rows';
import { buildPreview } from './preview';
import type { ImportPreview } from './preview';
import { readProjects } from './project-rows';
import { defineStructure, readStructure } from './structure-rows';

export interface ImportOptions {
  wardId: string;
  actor: Actor;
  /** The cycle's B categories; DEFAULT_B_REASONS (the ward's four) when not given. */
  bReasons?: readonly ReasonCategory[];
}

export interface ImportPlan {
  /** True only when there is no error at all: an import is applied whole or not at all. */
  valid: boolean;
  /** Every problem of every row, in table and row order. */
  errors: RowError[];
  /** To be decided in this order with decideCatalogueBatch (from the rows without errors). */
  catalogueCommands: CatalogueCommand[];
  /** Fiscal-year results of the projects (reposts excluded) and KPIs that have one. */
  records: ImportedRecord[];
  preview: ImportPreview;
}

/** Pure: what importing `parsed` into `current` would do, and everything wrong with it. */
export function planImport(parsed: ParsedImport, current: CatalogueState, options: ImportOptions): ImportPlan {
  requireRole(options.actor, 'planning_office');
  if (options.actor.wardId !== options.wardId) {
    throw forbidden(
      'WARD_MISMATCH',
      '他の区のカタログには取り込めません。',
      "You cannot import into another ward's catalogue.",
      { wardId: options.wardId },
    );
  }
  const ctx: PlanContext = {
    current,
    wardId: options.wardId,
    actor: options.actor,
    bReasons: options.bReasons ?? DEFAULT_B_REASONS,
    columns: parsed.columns,
    errors: [...parsed.errors],
    warnings: [],
    failed: new Set(),
    defined: new Set(),
    drafts: emptyDrafts(),
  };
  defineStructure(ctx, parsed.structure);
  readStructure(ctx, parsed.structure);
  readProjects(ctx, parsed.projects);
  readKpis(ctx, parsed.kpis);
  const diff = diffCatalogue(ctx.drafts, current, options.actor);
  const accepted = decideInRowOrder(diff.planned, current, ctx);
  const catalogueCommands = accepted.map((p) => p.command);
  const errors = ctx.errors.sort(byPosition);
  return {
    valid: errors.length === 0,
    errors,
    catalogueCommands,
    records: ctx.drafts.records,
    preview: buildPreview(
      catalogueCommands,
      ctx.drafts.records,
      accepted.flatMap((p) => p.changes),
      diff.unchanged,
      ctx.bReasons,
      ctx.warnings.sort(byPosition),
    ),
  };
}
