import { decideCatalogueSteps } from '@pdca/catalogue';
import type { Actor } from '@pdca/kernel';
import type { ItemRef } from '@pdca/review';
import { planImport } from '../plan/plan-import';
import type { ImportPreview } from '../plan/preview';
import type { ParsedImport } from '../read/parse-import';
import { byPosition } from '../row-error';
import type { RowError } from '../row-error';
import type { BatchStep, ImportStates } from './import-batch';
import { decideRecords } from './decide-records';
import type { SkippedYear } from './skipped-years';

/** Catalogue commands per step: each step is one append, kept well below EventStoreDB's 1 MB. */
const COMMANDS_PER_STEP = 200;

export interface ImportDecisionOptions {
  wardId: string;
  actor: Actor;
  /** ISO instant; time is data. */
  now: string;
  /** The id the import will have: results carry it, so it is part of what is decided. */
  importId: string;
  catalogueStream: string;
}

export interface ImportDecision {
  /** True only when there is no error at all: then the confirm applies exactly `steps`. */
  valid: boolean;
  errors: RowError[];
  preview: ImportPreview;
  /** In order: the catalogue batch, then one step per imported result. */
  steps: BatchStep[];
  catalogueCommands: number;
  records: ItemRef[];
  recordsSkipped: SkippedYear[];
  /** Results already in their items exactly as in the files. */
  recordsUnchanged: number;
}

/**
 * The one decision behind both the preview and the confirm: pure, over the states read from the
 * streams. The catalogue commands are decided on the catalogue as it is, the results on the
 * catalogue as it will be and on each item's own state, with the item's own decider.
 */
export function decideImport(
  parsed: ParsedImport,
  states: ImportStates,
  options: ImportDecisionOptions,
): ImportDecision {
  const plan = planImport(parsed, structuredClone(states.catalogue.state), {
    wardId: options.wardId,
    actor: options.actor,
  });
  // The catalogue as it will be: the records are decided against it.
  const after = decideCatalogueSteps(plan.catalogueCommands, states.catalogue.state).state;
  const records = decideRecords(plan.records, after, states, options);
  const catalogueStep: BatchStep[] = chunked(plan.catalogueCommands, COMMANDS_PER_STEP).map((commands) => ({
    stream: options.catalogueStream,
    expectedRevision: states.catalogue.revision,
    command: { kind: 'catalogue', commands },
  }));
  const errors = [...plan.errors, ...records.errors].sort(byPosition);
  return {
    valid: errors.length === 0,
    errors,
    preview: plan.preview,
    steps: [...catalogueStep, ...records.steps],
    catalogueCommands: plan.catalogueCommands.length,
    records: records.imported,
    recordsSkipped: records.skipped,
    recordsUnchanged: records.unchanged,
  };
}

function chunked<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
