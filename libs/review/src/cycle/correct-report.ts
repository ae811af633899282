import type { CycleCommandOf, PublicationDraft } from './cycle.commands';
import { cycleInStatus, reasonRequired } from './cycle.errors';
import type { CycleEvent } from './cycle.events';
import type { CycleState } from './cycle.state';
import { publicationOf } from './publish-report';

export type CorrectReport = CycleCommandOf<'CorrectReport', PublicationDraft & { reason: string }>;

/** A published report is never changed: a correction is the next version, with its reason. */
export function decideCorrectReport({ data, context }: CorrectReport, state: CycleState): CycleEvent[] {
  const { wardId, fiscalYear, now } = context;
  if (state.status !== 'published')
    throw cycleInStatus(state.status, { ja: '訂正版を公表', en: 'publish a correction' });
  if (!data.reason?.trim()) throw reasonRequired();
  const version = state.publications.length + 1;
  const publication = { wardId, fiscalYear, ...publicationOf(data), reason: data.reason, version, publishedAt: now };
  return [{ type: 'ReportCorrected', data: publication }];
}
