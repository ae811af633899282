import { deciderSpec } from '@pdca/kernel/testing';
import { cycleDecider } from './cycle.decide';
import { closed, context, draft, ids, opened, when } from './cycle-spec-fixtures';

const given = deciderSpec(cycleDecider).given;

describe('publishing the report', () => {
  it('publishes only a closed cycle with every item approved', () => {
    given([opened])
      .when(when({ type: 'PublishReport', data: draft }))
      .thenThrows('CYCLE_STATUS');
    given([opened, closed])
      .when(when({ type: 'PublishReport', data: { ...draft, itemsNotApproved: 3 } }))
      .thenThrows('ITEMS_NOT_APPROVED');
    const { itemsNotApproved: _, ...pinned } = draft;
    given([opened, closed])
      .when(when({ type: 'PublishReport', data: draft }))
      .then([{ type: 'ReportPublished', data: { ...ids, ...pinned, version: 1, publishedAt: context.now } }]);
  });
});
