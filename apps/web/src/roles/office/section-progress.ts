import type { ItemStatus, ItemView } from '../../api/types';
import { CatalogueView, isOutstanding } from './office-api';

export interface SectionProgress {
  sectionId: string;
  department: string;
  name: string;
  total: number;
  counts: Record<ItemStatus, number>;
  /** Still owed (not started, draft, returned). */
  outstanding: number;
  /** Owed and the deadline has passed. */
  overdue: number;
  /** Submitted after the deadline (a fact that stays once submitted). */
  submittedLate: number;
}

const STATUSES: ItemStatus[] = ['not_started', 'draft', 'submitted', 'returned', 'approved'];

/** Progress per section from the cycle's items, in the order of the catalogue's departments. */
export function sectionProgress(items: ItemView[], catalogue: CatalogueView | undefined): SectionProgress[] {
  const bySection = new Map<string, SectionProgress>();
  for (const item of items) {
    let row = bySection.get(item.sectionId);
    if (!row) {
      const section = catalogue?.sections[item.sectionId];
      row = {
        sectionId: item.sectionId,
        department: section?.department ?? '',
        name: section?.name ?? item.sectionId,
        total: 0,
        counts: Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ItemStatus, number>,
        outstanding: 0,
        overdue: 0,
        submittedLate: 0,
      };
      bySection.set(item.sectionId, row);
    }
    row.total++;
    row.counts[item.status]++;
    if (isOutstanding(item)) row.outstanding++;
    if (item.overdue && isOutstanding(item)) row.overdue++;
    if (item.late) row.submittedLate++;
  }
  const order = Object.keys(catalogue?.sections ?? {});
  return [...bySection.values()].sort(
    (a, b) => a.department.localeCompare(b.department, 'ja') || order.indexOf(a.sectionId) - order.indexOf(b.sectionId),
  );
}

export function totals(rows: SectionProgress[]) {
  const sum = (pick: (r: SectionProgress) => number) => rows.reduce((n, r) => n + pick(r), 0);
  return {
    total: sum((r) => r.total),
    outstanding: sum((r) => r.outstanding),
    overdue: sum((r) => r.overdue),
    approved: sum((r) => r.counts.approved),
    submitted: sum((r) => r.counts.submitted),
    sectionsOwing: rows.filter((r) => r.outstanding > 0).length,
  };
}
