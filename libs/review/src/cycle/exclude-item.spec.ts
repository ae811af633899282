import { deciderSpec } from '@pdca/kernel/testing';
import { cycleDecider } from './cycle.decide';
import type { CycleEvent } from './cycle.events';
import { closed, context, ids, opened, scope, when } from './cycle-spec-fixtures';

const given = deciderSpec(cycleDecider).given;
const exclude = (itemId: string, reason = '年度途中で廃止') =>
  when({ type: 'ExcludeItem', data: { kind: 'project', itemId, reason } });
const excluded: CycleEvent = {
  type: 'ItemExcluded',
  data: { ...ids, kind: 'project', itemId: 'P01-001', reason: '年度途中で廃止', excludedAt: context.now },
};

describe('excluding an item from the cycle', () => {
  it('takes an in-scope item out, with its reason, while open or closed', () => {
    given([opened]).when(exclude('P01-001')).then([excluded]);
    given([opened, closed]).when(exclude('P01-001')).then([excluded]);
  });

  it('narrows the scope, so no view counts the item any more', () => {
    const state = [opened, excluded].reduce(cycleDecider.evolve, cycleDecider.initialState());
    expect(state).toMatchObject({
      scope: { ...scope, projectIds: ['P01-002'] },
      excluded: [{ kind: 'project', itemId: 'P01-001', reason: '年度途中で廃止' }],
    });
  });

  it('excluding the same item again changes nothing', () => {
    given([opened, excluded]).when(exclude('P01-001')).then([]);
  });

  it('refuses items not in scope, a missing reason, and a published year', () => {
    given([opened]).when(exclude('P99-999')).thenThrows('ITEM_NOT_FOUND');
    given([opened]).when(exclude('P01-002', ' ')).thenThrows('FIELD_REQUIRED');
    const published: CycleEvent = {
      type: 'ReportPublished',
      data: {
        ...ids,
        position: 1,
        templateVersion: 't',
        chainHeads: {},
        summary: {},
        version: 1,
        publishedAt: context.now,
      },
    };
    given([opened, closed, published]).when(exclude('P01-002')).thenThrows('CYCLE_STATUS');
  });
});
