/**
 * A decider in the emmett / Jérémie Chassaing sense: pure functions only.
 * decide(command, state) → events; evolve(state, event) → state.
 */
export interface Decider<State, Command, Event> {
  // Function properties, not methods: they use no `this`, so `const { evolve } = decider` is safe.
  decide: (command: Command, state: State) => Event[];
  evolve: (state: State, event: Event) => State;
  initialState: () => State;
  /** Optional: the same result as reducing with evolve, in linear time where evolve copies (the catalogue). */
  fold?: (events: Event[]) => State;
}

/** A domain event as stored: a type tag plus plain JSON data. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}

export function fold<State, Event>(
  decider: Pick<Decider<State, unknown, Event>, 'evolve' | 'initialState' | 'fold'>,
  events: Event[],
): State {
  return decider.fold ? decider.fold(events) : events.reduce(decider.evolve, decider.initialState());
}

type SliceDecide = (command: never, state: never) => unknown[];

/**
 * An aggregate's decide as a dispatch over its slices: `{ SubmitActual: decideSubmitActual, … }`,
 * one entry per command type, each slice taking only its own command. The command union is
 * `Parameters<typeof decide>[0]`, so adding a slice is one line in the table.
 */
export function dispatchByType<Table extends Record<string, SliceDecide>>(table: Table, what: string) {
  type Slice = Table[keyof Table];
  type Decide = (command: Parameters<Slice>[0], state: Parameters<Slice>[1]) => ReturnType<Slice>;
  return (command: Parameters<Slice>[0], state: Parameters<Slice>[1]): ReturnType<Slice> => {
    const { type } = command as { type: string };
    // The entry under a command's own type takes exactly that command: the lookup is what makes the call safe.
    const decide = (Object.hasOwn(table, type) ? table[type] : undefined) as Decide | undefined;
    if (!decide) throw new Error(`unexpected ${what}: ${JSON.stringify(type)}`);
    return decide(command, state);
  };
}
