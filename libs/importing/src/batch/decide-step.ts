import { catalogueDecider, decideCatalogueBatch } from '@pdca/catalogue';
import type { CatalogueEvent, CatalogueState } from '@pdca/catalogue';
import { fold } from '@pdca/kernel';
import type { Decider, DomainEvent } from '@pdca/kernel';
import { evaluationDecider } from '@pdca/review';
import type { EvaluationEvent, EvaluationState } from '@pdca/review';
import type { StepCommand } from './import-batch';

type StepState = CatalogueState | EvaluationState;
type StepDecider = Decider<StepState, StepCommand, DomainEvent>;

/** A catalogue step: its commands decided together on the ward's catalogue. */
const catalogueSteps: StepDecider = {
  decide: (step, state) =>
    step.kind === 'catalogue' ? decideCatalogueBatch(step.commands, state as CatalogueState) : [],
  evolve: (state, event) => catalogueDecider.evolve(state as CatalogueState, event as CatalogueEvent),
  initialState: catalogueDecider.initialState,
  fold: (events) => catalogueDecider.fold(events as CatalogueEvent[]),
};

/** An evaluation step: one command on its item. */
const evaluationSteps: StepDecider = {
  decide: (step, state) =>
    step.kind === 'evaluation' ? evaluationDecider.decide(step.command, state as EvaluationState) : [],
  evolve: (state, event) => evaluationDecider.evolve(state as EvaluationState, event as EvaluationEvent),
  initialState: evaluationDecider.initialState,
};

/** Every kind of step with its stream's decider: a kind without an entry does not compile. */
const DECIDER_OF_KIND: { [Kind in StepCommand['kind']]: StepDecider } = {
  catalogue: catalogueSteps,
  evaluation: evaluationSteps,
};

/** The decider of a step's stream, for the command pipeline: the stream a step writes is its kind's. */
export const stepDecider = (step: StepCommand): StepDecider => DECIDER_OF_KIND[step.kind];

/**
 * The events of one step on its stream's events as they are: on the revision the batch was decided
 * on this is exactly what the preview showed; on a stream written since, the same rules decide again.
 */
export function decideStep(command: StepCommand, history: DomainEvent[]): DomainEvent[] {
  const decider = stepDecider(command);
  return decider.decide(command, fold(decider, history));
}
