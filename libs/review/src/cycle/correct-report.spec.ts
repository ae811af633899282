import { deciderSpec } from '@pdca/kernel/testing';
import { cycleDecider } from './cycle.decide';
import type { CycleEvent } from './cycle.events';
import { closed, context, draft, ids, opened, when } from './cycle-spec-fixtures';

const given = deciderSpec(cycleDecider).given;

describe('correcting a published report', () => {
  it('publishes a correction as a new version with a reason', () => {
    const { itemsNotApproved: _, ...pinned } = draft;
    const published: CycleEvent = {
      type: 'ReportPublished',
      data: { ...ids, ...pinned, version: 1, publishedAt: context.now },
    };
    given([opened, closed, published])
      .when(when({ type: 'CorrectReport', data: { ...draft, reason: '' } }))
      .thenThrows('FIELD_REQUIRED');
    given([opened, closed, published])
      .when(when({ type: 'CorrectReport', data: { ...draft, position: 130, reason: '集計誤りの訂正' } }))
      .then([
        {
          type: 'ReportCorrected',
          data: { ...ids, ...pinned, position: 130, reason: '集計誤りの訂正', version: 2, publishedAt: context.now },
        },
      ]);
  });

  it('corrects only a published report', () => {
    given([opened, closed])
      .when(when({ type: 'CorrectReport', data: { ...draft, reason: '集計誤りの訂正' } }))
      .thenThrows('CYCLE_STATUS');
  });
});
