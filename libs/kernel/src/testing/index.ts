import type { Decider } from '../decider';
import { DomainError } from '../domain-error';

/**
 * given(events).when(command).then(events) / .thenThrows(code) for deciders,
 * after oskardudycz's DeciderSpecification.
 */
export function deciderSpec<State, Command, Event>(decider: Decider<State, Command, Event>) {
  return {
    // An arrow, so `const given = deciderSpec(decider).given` needs no `this`.
    given: (events: Event[]) => {
      return {
        when(command: Command) {
          const run = () => decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
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
