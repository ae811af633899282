import type { Actor } from '@pdca/kernel';
import type { ItemRef } from '@pdca/review';
import type { CatalogueChange } from '../../../api/src/catalogue/catalogue-commands';
import type { CycleChange } from '../../../api/src/cycles/cycle-commands';
import type { ItemCommand } from '../../../api/src/evaluations/item-commands';

/**
 * One command of the demo, as data: who issues it, when (the clock is set to `at` before it runs)
 * and the name its idempotency key derives from, so an interrupted load finishes by running again.
 */
export type DemoStep = { at: string; actor: Actor; name: string } & (
  | { kind: 'import' }
  | { kind: 'catalogue'; label: string; changes: CatalogueChange[] }
  | { kind: 'cycle'; fiscalYear: number; change: DemoCycleChange }
  | { kind: 'evaluation'; ref: ItemRef; command: ItemCommand }
);

/** Opening as the route states it; closing and publishing read their context as the routes do (CloseCycleRoute, PublishReportRoute). */
export type DemoCycleChange =
  | Extract<CycleChange, { type: 'OpenCycle' }>
  | { type: 'CloseCycle'; data: { confirmOutstanding: boolean } }
  | { type: 'PublishReport'; data: Record<string, never> };
