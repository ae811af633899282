import { cycleItems, isOutstanding, ItemView } from './item-views';
import type { WardModel } from '../read-models';

export interface SectionInbox {
  sectionId: string;
  deadline?: string;
  due: ItemView[];
  late: ItemView[];
  returned: ItemView[];
  waitingForReview: ItemView[];
  approved: ItemView[];
}

/** A section's view of the cycle: what is due, what is late, what came back with comments. */
export function sectionInbox(ward: WardModel, fiscalYear: number, sectionId: string, now: Date): SectionInbox {
  const mine = cycleItems(ward, fiscalYear, now).filter((item) => item.sectionId === sectionId);
  const cycle = ward.cycles.get(fiscalYear)?.cycle;
  return {
    sectionId,
    deadline: cycle && cycle.status !== 'not_opened' ? cycle.deadline : undefined,
    due: mine.filter((item) => (item.status === 'not_started' || item.status === 'draft') && !item.overdue),
    late: mine.filter((item) => (item.status === 'not_started' || item.status === 'draft') && item.overdue),
    returned: mine.filter((item) => item.status === 'returned'),
    waitingForReview: mine.filter((item) => item.status === 'submitted'),
    approved: mine.filter((item) => item.status === 'approved'),
  };
}

/** The council's queue: submitted items waiting for a decision, oldest first. */
export function councilQueue(ward: WardModel, fiscalYear: number, now: Date): ItemView[] {
  return cycleItems(ward, fiscalYear, now)
    .filter((item) => item.status === 'submitted')
    .sort((a, b) => (a.updatedAt ?? '').localeCompare(b.updatedAt ?? ''));
}

/** For reminders: per section, exactly the items it still owes. */
export function outstandingBySection(ward: WardModel, fiscalYear: number, now: Date): Map<string, ItemView[]> {
  const bySection = new Map<string, ItemView[]>();
  for (const item of cycleItems(ward, fiscalYear, now)) {
    if (!isOutstanding(item)) continue;
    bySection.set(item.sectionId, [...(bySection.get(item.sectionId) ?? []), item]);
  }
  return bySection;
}
