import { cycleLedgerRows, ledgerKeyOf, LedgerRow } from '@pdca/reminders';
import type { ReadModels, WardModel } from '../read-models';
import { cycleItems, isOutstanding } from './item-views';

/** One line of the planning office's reminder ledger: a section that owed something this cycle. */
export interface ReminderLedgerLine extends Omit<LedgerRow, 'sectionId'> {
  sectionId: string;
  department?: string;
  sectionName?: string;
  /** Projects and KPIs in scope that the section answers for. */
  items: number;
  /** Of those, still owed now (not started, draft or returned). */
  outstanding: number;
}

export interface ReminderLedgerView {
  wardId: string;
  fiscalYear: number;
  deadline?: string;
  sections: ReminderLedgerLine[];
}

/**
 * Every section with items in the cycle's scope, whether reminded or not (a section never reminded
 * is a fact too), with the ledger's counts and how late its first submission after the deadline came.
 */
export function reminderLedgerView(
  models: ReadModels,
  ward: WardModel,
  wardId: string,
  fiscalYear: number,
  now: Date,
): ReminderLedgerView {
  const items = cycleItems(ward, fiscalYear, now);
  const rows = new Map(
    cycleLedgerRows(models.reminders.get(ledgerKeyOf(wardId, fiscalYear))).map((row) => [row.sectionId, row]),
  );
  const counts = new Map<string, { items: number; outstanding: number }>();
  for (const item of items) {
    const count = counts.get(item.sectionId) ?? { items: 0, outstanding: 0 };
    count.items++;
    if (isOutstanding(item)) count.outstanding++;
    counts.set(item.sectionId, count);
  }
  const sectionIds = [...new Set([...counts.keys(), ...rows.keys()])].sort();
  const cycle = ward.cycles.get(fiscalYear)?.cycle;
  return {
    wardId,
    fiscalYear,
    deadline: cycle && cycle.status !== 'not_opened' ? cycle.deadline : undefined,
    sections: sectionIds.map((sectionId) => {
      const section = ward.catalogue.sections[sectionId];
      const row = rows.get(sectionId) ?? { sectionId, reminders: 0, sentAt: [], escalations: 0, failures: 0 };
      return {
        ...row,
        department: section?.department,
        sectionName: section?.name,
        ...(counts.get(sectionId) ?? { items: 0, outstanding: 0 }),
      };
    }),
  };
}
