import type { Decider } from '../decider';
import { deciderSpec, deepFreeze } from './index';

interface Tally {
  counts: Record<string, number>;
}
type Counted = { type: 'Counted'; data: { key: string } };
type Count = { type: 'Count'; key: string };

const decide = (command: Count): Counted[] => [{ type: 'Counted', data: { key: command.key } }];
const pure: Decider<Tally, Count, Counted> = {
  decide,
  evolve: (state, event) => ({
    counts: { ...state.counts, [event.data.key]: (state.counts[event.data.key] ?? 0) + 1 },
  }),
  initialState: () => ({ counts: {} }),
};
const mutating: Decider<Tally, Count, Counted> = {
  ...pure,
  evolve: (state, event) => {
    state.counts[event.data.key] = (state.counts[event.data.key] ?? 0) + 1;
    return state;
  },
};
const counted = (key: string): Counted => ({ type: 'Counted', data: { key } });

describe('deepFreeze', () => {
  it('freezes nested objects and arrays, so a write deep inside throws', () => {
    const state = deepFreeze({ projects: { P1: { reposts: [{ planId: '1' }] } } });
    expect(() => state.projects.P1.reposts.push({ planId: '2' })).toThrow(TypeError);
    expect(() => (state.projects.P1.reposts[0].planId = '3')).toThrow(TypeError);
  });

  it('given a pure evolve, the spec passes', () => {
    deciderSpec(pure)
      .given([counted('a'), counted('a')])
      .when({ type: 'Count', key: 'a' })
      .then([counted('a')]);
  });

  it('given an evolve that writes into its state, the spec fails', () => {
    expect(() =>
      deciderSpec(mutating)
        .given([counted('a'), counted('a')])
        .when({ type: 'Count', key: 'a' })
        .then([counted('a')]),
    ).toThrow(TypeError);
  });
});
