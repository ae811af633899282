import { deciderSpec } from '@pdca/kernel/testing';
import { cycleDecider } from './cycle.decide';
import type { OutstandingItem } from './cycle.events';
import { closed, context, ids, opened, when } from './cycle-spec-fixtures';

const given = deciderSpec(cycleDecider).given;
const owed: OutstandingItem[] = [
  {
    kind: 'project',
    itemId: 'P01-001',
    name: '認可保育所',
    sectionId: 'hoiku',
    sectionName: '保育課',
    status: 'not_started',
  },
  { kind: 'kpi', itemId: 'K01-01', name: '待機児童数', sectionId: 'hoiku', sectionName: '保育課', status: 'returned' },
];
const close = (outstanding: OutstandingItem[], confirmOutstanding = false) =>
  when({ type: 'CloseCycle', data: { outstanding, confirmOutstanding } });

describe('closing a cycle', () => {
  it('closes at once when nothing is outstanding', () => {
    given([opened])
      .when(close([]))
      .then([{ type: 'CycleClosed', data: { ...ids, closedAt: context.now } }]);
  });

  it('with outstanding items, refuses without confirmation and lists every item and section', () => {
    given([opened]).when(close(owed)).thenThrows('OUTSTANDING_ITEMS');
    try {
      cycleDecider.decide(close(owed), cycleDecider.evolve(cycleDecider.initialState(), opened));
    } catch (error) {
      expect((error as { details: unknown }).details).toEqual({
        items: owed,
        sections: [{ sectionId: 'hoiku', sectionName: '保育課', outstanding: 2 }],
      });
    }
  });

  it('with outstanding items and confirmation, closes and records what was left outstanding', () => {
    given([opened])
      .when(close(owed, true))
      .then([
        {
          type: 'CycleClosed',
          data: {
            ...ids,
            closedAt: context.now,
            outstandingConfirmed: [
              { kind: 'project', itemId: 'P01-001', status: 'not_started' },
              { kind: 'kpi', itemId: 'K01-01', status: 'returned' },
            ],
          },
        },
      ]);
  });

  it('closing a closed cycle again changes nothing', () => {
    given([opened, closed]).when(close(owed)).then([]);
  });
});
