import { assertNever } from '@pdca/kernel';
import { CycleEvent, publicationOf } from './cycle.events';
import type { CycleState } from './cycle.state';

export function evolveCycle(state: CycleState, event: CycleEvent): CycleState {
  switch (event.type) {
    case 'CycleOpened': {
      const { wardId, fiscalYear, scheme, deadline, bReasons, scope, reminderPolicy } = event.data;
      return { status: 'open', wardId, fiscalYear, scheme, deadline, bReasons, scope, reminderPolicy };
    }
    case 'ReminderPolicyChanged':
      return state.status === 'not_opened' ? state : { ...state, reminderPolicy: event.data.reminderPolicy };
    case 'DeadlineExtended':
      return state.status === 'not_opened' ? state : { ...state, deadline: event.data.deadline };
    case 'CycleClosed':
      return state.status === 'open' ? { ...state, status: 'closed' } : state;
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
