import type { WardModel } from '@pdca/projections';
import { judgeOneOff, OneOffVerdict } from '@pdca/reminders';
import type { OneOffReminderRequestedData } from '@pdca/reminders';

/** A one-off job judged against the cycle as the worker's read models know it now. */
export function judgeOneOffJob(
  ward: WardModel,
  fiscalYear: number,
  request: OneOffReminderRequestedData | undefined,
  now: Date,
): OneOffVerdict {
  const cycle = ward.cycles.get(fiscalYear)?.cycle;
  return judgeOneOff(request, cycle && cycle.status !== 'not_opened' ? cycle : undefined, now);
}
