import { deciderSpec } from '@pdca/kernel/testing';
import { cycleDecider } from './cycle.decide';
import { deadline, ids, opened, when } from './cycle-spec-fixtures';

const given = deciderSpec(cycleDecider).given;

describe('extending the deadline', () => {
  it('extends only forward, with a reason', () => {
    const later = '2023-06-15T14:59:59.999Z';
    given([opened])
      .when(when({ type: 'ExtendDeadline', data: { deadline: later, reason: '議会日程の変更' } }))
      .then([
        {
          type: 'DeadlineExtended',
          data: { ...ids, deadline: later, previousDeadline: deadline, reason: '議会日程の変更' },
        },
      ]);
    given([opened])
      .when(when({ type: 'ExtendDeadline', data: { deadline: '2023-05-01T00:00:00.000Z', reason: 'x' } }))
      .thenThrows('DEADLINE_NOT_LATER');
  });

  it('needs a reason', () => {
    given([opened])
      .when(when({ type: 'ExtendDeadline', data: { deadline: '2023-06-15T14:59:59.999Z', reason: ' ' } }))
      .thenThrows('FIELD_REQUIRED');
  });
});
