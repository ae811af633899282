/** Shapes of the API's answers that the screens read (see the README's "Using the API"). */
export type Role = 'section_staff' | 'planning_office' | 'council_member' | 'auditor' | 'operator';

export interface SessionUser {
  username: string;
  displayName: string;
  role: Role;
  wardId: string;
  sectionId?: string;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
  expiresAt: string;
}

export type CycleStatus = 'open' | 'closed' | 'published';
export type Scheme = 'nerima' | 'taisho' | 'ordinal';

export interface CycleListEntry {
  fiscalYear: number;
  status: CycleStatus;
  scheme: Scheme;
  deadline: string;
  openedAt?: string;
  publishedVersions?: number;
}

export type ItemStatus = 'not_started' | 'draft' | 'submitted' | 'returned' | 'approved';
export type NerimaGrade = 'A+' | 'A' | 'B' | '*' | '-';

export interface NerimaRating {
  scheme: 'nerima';
  grade: NerimaGrade;
  bReason?: string;
  note?: string;
}

export interface TaishoRating {
  scheme: 'taisho';
  achievement: 'A' | 'B';
  performanceTarget?: string;
  withdrawalCriterion?: string;
  withdrawalCriterionHit?: boolean;
  /** Initiatives only: carried out as planned, and the section's 課題 / 改善策. */
  implementedAsPlanned?: boolean;
  issues?: string;
  improvements?: string;
  note?: string;
}

/** A grade on the ward's own scale, set when the cycle was opened (see OrdinalScale). */
export interface OrdinalRating {
  scheme: 'ordinal';
  grade: string;
  note?: string;
}

export type Rating = NerimaRating | TaishoRating | OrdinalRating;

/** An ordinal cycle's grades, best first, and those that need a reason (備考). */
export interface OrdinalScale {
  grades: Array<{ code: string; label: string; labelEn?: string }>;
  reasonRequired: string[];
}

export interface ProjectActual {
  text: string;
}
export interface KpiActual {
  value: string;
  asOf: string;
}

export interface ItemView {
  kind: 'project' | 'kpi';
  itemId: string;
  name: string;
  sectionId: string;
  planId: string;
  status: ItemStatus;
  revision: number;
  /** Read through items/actual.ts: a KPI's value comes back as {text, number, unit}. */
  actual?: {
    kind?: string;
    text?: string;
    value?: string | { text: string; number?: number; unit?: string };
    asOf?: string;
  };
  sectionRating?: Rating;
  councilRating?: Rating;
  effectiveRating?: Rating;
  late: boolean;
  overdue: boolean;
  returnedComments?: string;
  nothingPlanned: boolean;
  updatedAt?: string;
  updatedBy?: string;
}

export interface SectionInbox {
  sectionId: string;
  deadline?: string;
  due: ItemView[];
  late: ItemView[];
  returned: ItemView[];
  waitingForReview: ItemView[];
  approved: ItemView[];
}

export interface CommandResult {
  stream: string;
  revision: number;
  position: number;
  replayed: boolean;
  projected: boolean;
  events: string[];
}
