import { deciderSpec } from '@pdca/kernel/testing';
import { cycleDecider } from './cycle.decide';
import { DEFAULT_B_REASONS } from '../rating/rating';
import { deadline, opened, scope, when } from './cycle-spec-fixtures';

const given = deciderSpec(cycleDecider).given;

describe('opening a cycle', () => {
  it('opens with scope, scheme, deadline and the default reminder policy', () => {
    given([])
      .when(when({ type: 'OpenCycle', data: { scheme: 'nerima', deadline, bReasons: [...DEFAULT_B_REASONS], scope } }))
      .then([opened]);
  });

  it('opens only once per fiscal year', () => {
    given([opened])
      .when(when({ type: 'OpenCycle', data: { scheme: 'nerima', deadline, bReasons: [], scope } }))
      .thenThrows('CYCLE_EXISTS');
  });

  it('needs something in scope', () => {
    const empty = { projectIds: [], kpiIds: [] };
    given([])
      .when(
        when({
          type: 'OpenCycle',
          data: { scheme: 'nerima', deadline, bReasons: [...DEFAULT_B_REASONS], scope: empty },
        }),
      )
      .thenThrows('EMPTY_SCOPE');
  });
});
