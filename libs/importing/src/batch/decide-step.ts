import { decideCatalogueBatch, foldCatalogue } from '@pdca/catalogue';
import type { CatalogueEvent } from '@pdca/catalogue';
import type { DomainEvent } from '@pdca/kernel';
import { decideEvaluation, evolveEvaluation, initialEvaluation } from '@pdca/review';
import type { EvaluationEvent } from '@pdca/review';
import type { StepCommand } from './import-batch';

/**
 * The events of one step on its stream's events as they are: on the revision the batch was decided
 * on this is exactly what the preview showed; on a stream written since, the same rules decide again.
 */
export function decideStep(command: StepCommand, history: DomainEvent[]): DomainEvent[] {
  switch (command.kind) {
    case 'catalogue': {
      const state = foldCatalogue(history as CatalogueEvent[]);
      return decideCatalogueBatch(command.commands, state);
    }
    case 'evaluation': {
      const state = (history as EvaluationEvent[]).reduce(evolveEvaluation, initialEvaluation());
      return decideEvaluation(command.command, state);
    }
  }
}
