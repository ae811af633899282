import { assertNever, requireRole } from '@pdca/kernel';
import type { CycleCommand, PublicationDraft } from './cycle.commands';
import { cycleAlreadyOpened, cycleInStatus, cycleMissing, deadlineNotLater, emptyScope, itemsNotApproved, reasonRequired } from './cycle.errors';
import type { CycleEvent } from './cycle.events';
import { evolveCycle } from './cycle.evolve';
import { CycleState, initialCycle } from './cycle.state';
import { decideCloseCycle } from './close-cycle';
import { decideExcludeItem } from './exclude-item';
import { decideReopenCycle } from './reopen-cycle';
import { assertValidReminderPolicy, DEFAULT_REMINDER_POLICY } from './reminder-policy';
import { schemeOf } from '../schemes/registry';

/** The planning office runs the cycle: open → (deadline extended) → closed (→ reopened) → published → corrected. */
export function decideCycle(command: CycleCommand, state: CycleState): CycleEvent[] {
  const { actor, wardId, fiscalYear, now } = command.context;
  requireRole(actor, 'planning_office');
  const ids = { wardId, fiscalYear };
  switch (command.type) {
    case 'OpenCycle': {
      if (state.status !== 'not_opened') throw cycleAlreadyOpened(fiscalYear);
      const { scheme, deadline, bReasons, ordinalScale, scope, reminderPolicy = DEFAULT_REMINDER_POLICY } = command.data;
      schemeOf(scheme).assertSettings({ bReasons, ordinalScale });
      if (scope.projectIds.length + scope.kpiIds.length === 0) throw emptyScope();
      assertValidReminderPolicy(reminderPolicy);
      // The scale is written only for the scheme that has one, so the other schemes' events stay as they were.
      return [{ type: 'CycleOpened', data: { ...ids, scheme, deadline, bReasons, ...(ordinalScale ? { ordinalScale } : {}), scope, reminderPolicy, openedAt: now } }];
    }
    case 'ChangeReminderPolicy':
      if (state.status !== 'open') throw cycleInStatus(state.status, { ja: '督促設定を変更', en: 'change the reminder policy' });
      assertValidReminderPolicy(command.data.reminderPolicy);
      return [{ type: 'ReminderPolicyChanged', data: { ...ids, reminderPolicy: command.data.reminderPolicy } }];
    case 'ExtendDeadline':
      if (state.status === 'not_opened') throw cycleMissing(fiscalYear);
      if (state.status !== 'open') throw cycleInStatus(state.status, { ja: '締切を延長', en: 'extend the deadline' });
      if (!command.data.reason?.trim()) throw reasonRequired();
      if (Date.parse(command.data.deadline) <= Date.parse(state.deadline)) throw deadlineNotLater(state.deadline);
      return [{ type: 'DeadlineExtended', data: { ...ids, ...command.data, previousDeadline: state.deadline } }];
    case 'CloseCycle':
      return decideCloseCycle(command, state);
    case 'ReopenCycle':
      return decideReopenCycle(command, state);
    case 'ExcludeItem':
      return decideExcludeItem(command, state);
    case 'PublishReport':
      if (state.status === 'not_opened') throw cycleMissing(fiscalYear);
      if (state.status !== 'closed') throw cycleInStatus(state.status, { ja: '公表', en: 'publish' });
      return [{ type: 'ReportPublished', data: { ...ids, ...publication(command.data), version: 1, publishedAt: now } }];
    case 'CorrectReport': {
      if (state.status !== 'published') throw cycleInStatus(state.status, { ja: '訂正版を公表', en: 'publish a correction' });
      if (!command.data.reason?.trim()) throw reasonRequired();
      const version = state.publications.length + 1;
      return [{ type: 'ReportCorrected', data: { ...ids, ...publication(command.data), reason: command.data.reason, version, publishedAt: now } }];
    }
    default:
      return assertNever(command, 'cycle command');
  }
}

function publication(draft: PublicationDraft) {
  if (draft.itemsNotApproved > 0) throw itemsNotApproved(draft.itemsNotApproved);
  const { position, templateVersion, chainHeads, summary } = draft;
  return { position, templateVersion, chainHeads, summary };
}

export const cycleDecider = { decide: decideCycle, evolve: evolveCycle, initialState: initialCycle };
