import { requireRole } from '@pdca/kernel';
import type { Actor, Decider } from '@pdca/kernel';
import { cycleInStatus, cycleMissing } from '@pdca/review';
import type { CycleState } from '@pdca/review';
import { nothingOutstanding, unknownSections } from './one-off.errors';
import type { OneOffReminderEvent, OneOffReminderRequestedData } from './one-off.events';

/** What a section's entry in the decision needs: its name (for the error) and how many items it owes now. */
export interface SectionSituation {
  name: string;
  owed: number;
}

export interface RequestOneOffReminder {
  type: 'RequestOneOffReminder';
  data: {
    requestId: string;
    sectionIds: string[];
    note?: string;
    /** The cycle's status, read from the cycle stream by the handler. */
    cycleStatus: CycleState['status'];
    /** Every section of the ward's catalogue, with what it owes in this cycle now. */
    sections: Record<string, SectionSituation>;
  };
  context: { actor: Actor; wardId: string; fiscalYear: number; now: string };
}

/** The requests of one cycle, by id: the worker looks a request up here when its job runs. */
export interface OneOffRequests {
  requests: Record<string, OneOffReminderRequestedData>;
}

export const initialOneOffRequests = (): OneOffRequests => ({ requests: {} });

export const evolveOneOffRequests = (state: OneOffRequests, event: OneOffReminderEvent): OneOffRequests => ({
  requests: { ...state.requests, [event.data.requestId]: event.data },
});

/**
 * The planning office reminds chosen sections now. Only while the cycle is open, and only sections
 * that exist and still owe something: a reminder to a section that is done would be wrong, so the
 * whole request is refused, naming every such section. The worker checks again when it sends.
 */
export function decideOneOffReminder(command: RequestOneOffReminder, _state: OneOffRequests): OneOffReminderEvent[] {
  const { actor, wardId, fiscalYear, now } = command.context;
  const { requestId, note, cycleStatus, sections } = command.data;
  requireRole(actor, 'planning_office');
  if (cycleStatus === 'not_opened') throw cycleMissing(fiscalYear);
  if (cycleStatus !== 'open') throw cycleInStatus(cycleStatus, { ja: '督促を送信', en: 'send a reminder' });
  const sectionIds = [...new Set(command.data.sectionIds)];
  const unknown = sectionIds.filter((id) => !Object.hasOwn(sections, id));
  if (unknown.length > 0) throw unknownSections(unknown);
  const done = sectionIds.filter((id) => sections[id].owed === 0);
  if (done.length > 0)
    throw nothingOutstanding(done.map((sectionId) => ({ sectionId, name: sections[sectionId].name })));
  const data: OneOffReminderRequestedData = {
    requestId,
    wardId,
    fiscalYear,
    sectionIds,
    requestedBy: actor.userId,
    requestedAt: now,
  };
  return [{ type: 'OneOffReminderRequested', data: note?.trim() ? { ...data, note: note.trim() } : data }];
}

export const oneOffReminderDecider: Decider<OneOffRequests, RequestOneOffReminder, OneOffReminderEvent> = {
  decide: decideOneOffReminder,
  evolve: evolveOneOffRequests,
  initialState: initialOneOffRequests,
};
