import type { MessageKey } from '../../i18n/messages.ja';

/** Events whose label the section's and council's screens already use. */
const ITEM_EVENTS = new Set([
  'DraftSaved',
  'ActualSubmitted',
  'ItemRated',
  'SubmissionWithdrawn',
  'SubmissionApproved',
  'SubmissionReturned',
  'RatingAdjusted',
  'EvaluationCorrected',
  'EvaluationImported',
  'EvaluationImportReverted',
]);
const CYCLE_EVENTS = new Set([
  'CycleOpened',
  'DeadlineExtended',
  'CycleClosed',
  'CycleReopened',
  'ReportPublished',
  'ReportCorrected',
  'ItemExcluded',
]);

/** The label key of an event, or undefined for one this screen does not know (shown by its name). */
export function eventLabelKey(event: string): MessageKey | undefined {
  if (ITEM_EVENTS.has(event)) return `event.${event}` as MessageKey;
  if (CYCLE_EVENTS.has(event)) return `audit.event.${event}` as MessageKey;
  return undefined;
}

/** Who acted, as the report distinguishes it: the council's decisions apart from the section's answers. */
export type Side = 'council' | 'section' | 'office' | 'other';

export function sideOf(role: string): Side {
  if (role === 'council_member') return 'council';
  if (role === 'section_staff') return 'section';
  if (role === 'planning_office') return 'office';
  return 'other';
}
