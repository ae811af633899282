import type { Decider } from '../decider';
import { DomainError } from '../domain-error';
import { deepFreeze } from './deep-freeze';

export { deepFreeze } from './deep-freeze';

/**
 * given(events).when(command).then(events) / .thenThrows(code) for deciders,
 * after oskardudycz's DeciderSpecification. Inputs are deep-frozen (copies of the test's own
 * objects, which stay writable): every spec written with it also proves decide and evolve pure.
 */
export function deciderSpec<State, Command, Event>(decider: Decider<State, Command, Event>) {
  return {
    // An arrow, so `const given = deciderSpec(decider).given` needs no `this`.
    given: (events: Event[]) => {
      return {
        when(command: Command) {
          // Everything decide and evolve are given is frozen: a function that writes into its input fails the spec.
          const run = () => {
            const state = events.reduce(
              (current, event) => decider.evolve(deepFreeze(current), deepFreeze(structuredClone(event))),
              decider.initialState(),
            );
            return decider.decide(deepFreeze(structuredClone(command)), deepFreeze(state));
          };
          return {
            then(expected: Event[]) {
              expect(run()).toEqual(expected);
            },
            thenThrows(code: string) {
              let caught: unknown;
              try {
                run();
              } catch (error) {
                caught = error;
              }
              expect(caught).toBeInstanceOf(DomainError);
              expect((caught as DomainError).code).toBe(code);
            },
          };
        },
      };
    },
  };
}
