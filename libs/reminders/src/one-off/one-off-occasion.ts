import { tokyoDate } from '@pdca/kernel';
import { daysBetween } from '../schedule/calendar';
import type { ReminderOccasion } from '../schedule/occasion';
import type { OneOffReminderRequestedData } from './one-off.events';

/**
 * A one-off reminder answers the situation the planning office saw when it asked. If it cannot go
 * out within this time (the worker or Redis down for longer), the regular schedule has spoken since
 * or will, and an old request must not surprise a section weeks later — e.g. when a Redis that lost
 * its data makes the worker push every request again.
 */
export const ONE_OFF_VALID_HOURS = 24;

export const oneOffOccasionIdOf = (wardId: string, fiscalYear: number, requestId: string) =>
  `${wardId}:${fiscalYear}:one-off:${requestId}`;

export const oneOffExpiresAt = (request: Pick<OneOffReminderRequestedData, 'requestedAt'>) =>
  new Date(Date.parse(request.requestedAt) + ONE_OFF_VALID_HOURS * 3_600_000);

/** The request as an occasion of its own: due when it was made, days counted from the deadline like the others. */
export function oneOffOccasion(request: OneOffReminderRequestedData, deadline: string): ReminderOccasion {
  const date = tokyoDate(new Date(request.requestedAt));
  return {
    occasionId: oneOffOccasionIdOf(request.wardId, request.fiscalYear, request.requestId),
    wardId: request.wardId,
    fiscalYear: request.fiscalYear,
    kind: 'one-off',
    date,
    at: request.requestedAt,
    daysOverdue: daysBetween(tokyoDate(new Date(deadline)), date),
    escalated: false,
  };
}

export type OneOffVerdict =
  | { verdict: 'due'; occasion: ReminderOccasion; request: OneOffReminderRequestedData }
  /** The request is unknown or the cycle is no longer open. */
  | { verdict: 'not_scheduled' }
  | { verdict: 'expired'; occasion: ReminderOccasion; request: OneOffReminderRequestedData };

/** Judged when a one-off job runs, like a scheduled occasion: the events decide, the job only triggers. */
export function judgeOneOff(
  request: OneOffReminderRequestedData | undefined,
  cycle: { status: string; deadline?: string } | undefined,
  now: Date,
): OneOffVerdict {
  if (!request || cycle?.status !== 'open' || !cycle.deadline) return { verdict: 'not_scheduled' };
  const occasion = oneOffOccasion(request, cycle.deadline);
  if (now.getTime() > oneOffExpiresAt(request).getTime()) return { verdict: 'expired', occasion, request };
  return { verdict: 'due', occasion, request };
}
