import { judgeOneOff, oneOffOccasion } from './one-off-occasion';
import type { OneOffReminderRequestedData } from './one-off.events';

const request: OneOffReminderRequestedData = {
  requestId: 'r-1',
  wardId: 'nerima',
  fiscalYear: 2022,
  sectionIds: ['hoiku'],
  requestedBy: 'kikaku-1',
  requestedAt: '2023-06-05T01:00:00.000Z',
};
const open = { status: 'open', deadline: '2023-05-31T14:59:59.999Z' };

describe('judging a one-off reminder when its job runs', () => {
  it('is an occasion of its own, due when requested, counted from the deadline in Japan time', () => {
    expect(oneOffOccasion(request, open.deadline)).toEqual({
      occasionId: 'nerima:2022:one-off:r-1',
      wardId: 'nerima',
      fiscalYear: 2022,
      kind: 'one-off',
      date: '2023-06-05',
      at: request.requestedAt,
      daysOverdue: 5,
      escalated: false,
    });
    expect(oneOffOccasion({ ...request, requestedAt: '2023-05-29T15:30:00.000Z' }, open.deadline).daysOverdue).toBe(-1);
  });

  it('is due at once', () => {
    expect(judgeOneOff(request, open, new Date(request.requestedAt))).toMatchObject({
      verdict: 'due',
      occasion: { kind: 'one-off' },
    });
  });

  it('sends nothing once the cycle is closed, or for a request it does not know', () => {
    expect(judgeOneOff(request, { ...open, status: 'closed' }, new Date(request.requestedAt)).verdict).toBe(
      'not_scheduled',
    );
    expect(judgeOneOff(undefined, open, new Date(request.requestedAt)).verdict).toBe('not_scheduled');
  });

  it('expires when it could not go out within a day', () => {
    expect(judgeOneOff(request, open, new Date('2023-06-06T01:00:00.000Z')).verdict).toBe('due');
    expect(judgeOneOff(request, open, new Date('2023-06-06T01:00:00.001Z')).verdict).toBe('expired');
  });
});
