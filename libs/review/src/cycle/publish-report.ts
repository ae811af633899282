import type { CycleCommandOf, PublicationDraft } from './cycle.commands';
import { cycleInStatus, cycleMissing, itemsNotApproved } from './cycle.errors';
import type { CycleEvent } from './cycle.events';
import type { CycleState } from './cycle.state';

export type PublishReport = CycleCommandOf<'PublishReport', PublicationDraft>;

/** The first report of a closed year, pinned to the position it was rendered at; every in-scope item approved. */
export function decidePublishReport({ data, context }: PublishReport, state: CycleState): CycleEvent[] {
  const { wardId, fiscalYear, now } = context;
  if (state.status === 'not_opened') throw cycleMissing(fiscalYear);
  if (state.status !== 'closed') throw cycleInStatus(state.status, { ja: '公表', en: 'publish' });
  return [
    { type: 'ReportPublished', data: { wardId, fiscalYear, ...publicationOf(data), version: 1, publishedAt: now } },
  ];
}

/** What a publication records of its draft, once no item is left unapproved. */
export function publicationOf(draft: PublicationDraft) {
  if (draft.itemsNotApproved > 0) throw itemsNotApproved(draft.itemsNotApproved);
  const { position, templateVersion, chainHeads, summary } = draft;
  return { position, templateVersion, chainHeads, summary };
}
