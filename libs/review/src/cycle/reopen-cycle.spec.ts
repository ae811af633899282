import { deciderSpec } from '@pdca/kernel/testing';
import { cycleDecider } from './cycle.decide';
import type { CycleEvent } from './cycle.events';
import { closed, context, ids, opened, when } from './cycle-spec-fixtures';

const given = deciderSpec(cycleDecider).given;
const reopen = (reason: string) => when({ type: 'ReopenCycle', data: { reason } });
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

describe('reopening a closed cycle', () => {
  it('reopens a closed, unpublished cycle with the reason on record', () => {
    given([opened, closed])
      .when(reopen(' 未提出の課があったため '))
      .then([{ type: 'CycleReopened', data: { ...ids, reason: '未提出の課があったため', reopenedAt: context.now } }]);
  });

  it('needs a reason', () => {
    given([opened, closed]).when(reopen('  ')).thenThrows('FIELD_REQUIRED');
  });

  it('refuses an open or a published cycle, and one never opened', () => {
    given([opened]).when(reopen('x')).thenThrows('CYCLE_STATUS');
    given([opened, closed, published]).when(reopen('x')).thenThrows('CYCLE_STATUS');
    given([]).when(reopen('x')).thenThrows('CYCLE_NOT_OPENED');
  });

  it('a reopened cycle accepts a close again', () => {
    const reopened: CycleEvent = { type: 'CycleReopened', data: { ...ids, reason: 'r', reopenedAt: context.now } };
    given([opened, closed, reopened])
      .when(when({ type: 'CloseCycle', data: { outstanding: [], confirmOutstanding: false } }))
      .then([closed]);
  });
});
