import type { Actor } from '@pdca/kernel';
import type { ItemRef } from '@pdca/review';
import type { CatalogueChange } from '../../../api/src/catalogue/change-catalogue.command';
import type { RunCycleCommand } from '../../../api/src/cycles/cycle.command';
import type { EvaluateItemCommand } from '../../../api/src/evaluations/evaluate-item.command';

/**
 * One command of the demo, as data: who issues it, when (the clock is set to `at` before it runs)
 * and the name its idempotency key derives from, so an interrupted load finishes by running again.
 */
export type DemoStep = { at: string; actor: Actor; name: string } & (
  | { kind: 'import' }
  | { kind: 'catalogue'; label: string; changes: CatalogueChange[] }
  | { kind: 'cycle'; fiscalYear: number; change: RunCycleCommand['change'] }
  | { kind: 'evaluation'; ref: ItemRef; command: EvaluateItemCommand['command'] }
);
