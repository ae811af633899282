import { get, wardPath } from '../../api/client';
import type { CycleStatus, ItemView, Scheme } from '../../api/types';
import { useQuery } from '../../api/use-query';

/** Shapes of the API answers the planning office's screens read (apps/api/src/cycles, catalogue, reminders, imports). */

export interface MeasuredValue {
  text: string;
  number?: number;
  unit?: string;
}

export interface Placement {
  planId: string;
  sectionNo: string;
  sectionTitle: string;
}

export interface CatalogueSection {
  sectionId: string;
  department: string;
  name: string;
  email?: string;
  headEmail?: string;
}

export interface CatalogueProject {
  projectId: string;
  name: string;
  home: Placement;
  reposts: Placement[];
  sectionId: string;
  notSuitedForShortTermEvaluation: boolean;
  retired: boolean;
  annualPlans: Record<string, { target: string; statusAtPreviousYearEnd: string; planned: string }>;
}

export interface CatalogueKpi {
  kpiId: string;
  planId: string;
  indicator: string;
  kind: 'output' | 'outcome';
  sectionId: string;
  baseline: { value: MeasuredValue | string; asOf: string };
  target: { value: MeasuredValue | string; asOf: string };
  retired: boolean;
}

export interface CatalogueView {
  revision: number;
  sections: Record<string, CatalogueSection>;
  pillars: Record<string, { pillarId: string; code: string; title: string }>;
  plans: Record<string, { planId: string; code: string; title: string; pillarId: string }>;
  projects: Record<string, CatalogueProject>;
  kpis: Record<string, CatalogueKpi>;
}

export interface ReminderPolicy {
  daysBefore: number[];
  onDeadlineDay: boolean;
  overdueEveryDays: number;
  escalateAfterDaysOverdue: number;
  stopAfterDaysOverdue: number;
  skipWeekendsAndHolidays: boolean;
  sendAtJst: string;
}

export interface Publication {
  version: number;
  publishedAt: string;
  reason?: string;
  summary?: Record<string, number>;
}

export interface CycleView {
  fiscalYear: number;
  revision: number;
  status: CycleStatus;
  scheme: Scheme;
  deadline: string;
  openedAt?: string;
  scope: { projectIds: string[]; kpiIds: string[] };
  reminderPolicy: ReminderPolicy;
  excluded?: Array<{ kind: 'project' | 'kpi'; itemId: string; reason: string }>;
  publications?: Publication[];
}

/** One item the closing checklist names (409 OUTSTANDING_ITEMS details, or computed from the items). */
export interface OutstandingItem {
  kind: 'project' | 'kpi';
  itemId: string;
  name: string;
  sectionId: string;
  sectionName: string;
  status: string; // an ItemStatus, or one a newer server added
}

export interface OutstandingDetails {
  items: OutstandingItem[];
  sections: Array<{ sectionId: string; sectionName: string; outstanding: number }>;
}

export interface LedgerLine {
  sectionId: string;
  department?: string;
  sectionName?: string;
  items: number;
  outstanding: number;
  reminders: number;
  sentAt: string[];
  escalations: number;
  failures: number;
  firstLateSubmissionAt?: string;
  daysLate?: number;
}

export const cyclePath = (wardId: string, fiscalYear: number, rest = '') =>
  wardPath(wardId, `/cycles/${fiscalYear}${rest}`);

export function useOfficeCatalogue(wardId: string) {
  return useQuery(`office-catalogue:${wardId}`, (signal) => get<CatalogueView>(wardPath(wardId, '/catalogue'), signal));
}

export function useCycleView(wardId: string, fiscalYear: number) {
  return useQuery(`office-cycle:${wardId}:${fiscalYear}`, (signal) =>
    get<CycleView>(cyclePath(wardId, fiscalYear), signal),
  );
}

export function useCycleItems(wardId: string, fiscalYear: number) {
  return useQuery(
    `office-items:${wardId}:${fiscalYear}`,
    async (signal) => (await get<{ items: ItemView[] }>(cyclePath(wardId, fiscalYear, '/items'), signal)).items,
  );
}

export function useLedger(wardId: string, fiscalYear: number) {
  return useQuery(
    `office-ledger:${wardId}:${fiscalYear}`,
    async (signal) =>
      (await get<{ sections: LedgerLine[] }>(cyclePath(wardId, fiscalYear, '/reminder-ledger'), signal)).sections,
  );
}

/** Items a section still owes (not started, draft, returned): the same rule as the API's closing check. */
export const isOutstanding = (item: Pick<ItemView, 'status'>) =>
  item.status === 'not_started' || item.status === 'draft' || item.status === 'returned';

export const sectionName = (catalogue: CatalogueView | undefined, sectionId: string) => {
  const section = catalogue?.sections[sectionId];
  return section ? `${section.department} ${section.name}` : sectionId;
};

export const measured = (value: MeasuredValue | string) => (typeof value === 'string' ? value : value.text);
