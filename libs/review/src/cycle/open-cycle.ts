import type { OrdinalScale, ReasonCategory, Scheme } from '../rating/rating';
import { schemeOf } from '../schemes/registry';
import type { CycleCommandOf } from './cycle.commands';
import { cycleAlreadyOpened, emptyScope } from './cycle.errors';
import type { CycleEvent, CycleScope } from './cycle.events';
import type { CycleState } from './cycle.state';
import { assertValidReminderPolicy, DEFAULT_REMINDER_POLICY, ReminderPolicy } from './reminder-policy';

export type OpenCycle = CycleCommandOf<
  'OpenCycle',
  {
    scheme: Scheme;
    deadline: string;
    bReasons: ReasonCategory[];
    ordinalScale?: OrdinalScale;
    scope: CycleScope;
    reminderPolicy?: ReminderPolicy;
  }
>;

/** Opens the fiscal year's review once: its scheme (and the scheme's settings), scope, deadline and reminders. */
export function decideOpenCycle({ data, context }: OpenCycle, state: CycleState): CycleEvent[] {
  const { wardId, fiscalYear, now } = context;
  if (state.status !== 'not_opened') throw cycleAlreadyOpened(fiscalYear);
  const { scheme, deadline, bReasons, ordinalScale, scope, reminderPolicy = DEFAULT_REMINDER_POLICY } = data;
  schemeOf(scheme).assertSettings({ bReasons, ordinalScale });
  if (scope.projectIds.length + scope.kpiIds.length === 0) throw emptyScope();
  assertValidReminderPolicy(reminderPolicy);
  // The scale is written only for the scheme that has one, so the other schemes' events stay as they were.
  const scale = ordinalScale ? { ordinalScale } : {};
  return [
    {
      type: 'CycleOpened',
      data: { wardId, fiscalYear, scheme, deadline, bReasons, ...scale, scope, reminderPolicy, openedAt: now },
    },
  ];
}
