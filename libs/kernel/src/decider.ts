/**
 * A decider in the emmett / Jérémie Chassaing sense: pure functions only.
 * decide(command, state) → events; evolve(state, event) → state.
 */
export interface Decider<State, Command, Event> {
  // Function properties, not methods: they use no `this`, so `const { evolve } = decider` is safe.
  decide: (command: Command, state: State) => Event[];
  evolve: (state: State, event: Event) => State;
  initialState: () => State;
}

/** A domain event as stored: a type tag plus plain JSON data. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}

export function fold<State, Event>(decider: Pick<Decider<State, unknown, Event>, 'evolve' | 'initialState'>, events: Event[]): State {
  return events.reduce(decider.evolve, decider.initialState());
}
