import { assertNever } from '@pdca/kernel';
import { CycleEvent, ExcludedItem, publicationOf } from './cycle.events';
import type { CycleState } from './cycle.state';

export function evolveCycle(state: CycleState, event: CycleEvent): CycleState {
  switch (event.type) {
    case 'CycleOpened': {
      const { wardId, fiscalYear, scheme, deadline, bReasons, ordinalScale, scope, reminderPolicy, openedAt } =
        event.data;
      return {
        status: 'open',
        wardId,
        fiscalYear,
        scheme,
        deadline,
        bReasons,
        ...(ordinalScale ? { ordinalScale } : {}),
        scope,
        reminderPolicy,
        openedAt,
      };
    }
    case 'ReminderPolicyChanged':
      return state.status === 'not_opened' ? state : { ...state, reminderPolicy: event.data.reminderPolicy };
    case 'DeadlineExtended':
      return state.status === 'not_opened' ? state : { ...state, deadline: event.data.deadline };
    case 'CycleClosed':
      return state.status === 'open' ? { ...state, status: 'closed' } : state;
    case 'CycleReopened':
      return state.status === 'closed' ? { ...state, status: 'open' } : state;
    case 'ItemExcluded':
      return state.status === 'not_opened' ? state : withoutItem(state, event.data);
    case 'ReportPublished':
    case 'ReportCorrected': {
      if (state.status === 'not_opened') return state;
      const previous = state.status === 'published' ? state.publications : [];
      return { ...state, status: 'published', publications: [...previous, publicationOf(event.data)] };
    }
    default:
      return assertNever(event, 'cycle event');
  }
}

/** Excluding narrows the scope itself: every view, count, reminder and publication check reads the scope. */
function withoutItem<State extends Exclude<CycleState, { status: 'not_opened' }>>(
  state: State,
  item: ExcludedItem,
): State {
  const key = item.kind === 'project' ? 'projectIds' : 'kpiIds';
  const { kind, itemId, reason } = item;
  return {
    ...state,
    scope: { ...state.scope, [key]: state.scope[key].filter((id) => id !== itemId) },
    excluded: [...(state.excluded ?? []), { kind, itemId, reason }],
  };
}
