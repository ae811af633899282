import type { DomainEvent } from '@pdca/kernel';
import type { ItemKind } from '../evaluation/evaluation-item';
import type { OrdinalScale, ReasonCategory, Scheme } from '../rating/rating';
import type { ReminderPolicy } from './reminder-policy';

export interface CycleScope {
  projectIds: string[];
  kpiIds: string[];
}

/** What a publication pins so the report can be regenerated identically. */
export interface Publication {
  version: number;
  /** Global position of the newest event the report was computed from. */
  position: number;
  templateVersion: string;
  /** Hash-chain head (revision and hash) of every stream the report was computed from. */
  chainHeads: Record<string, { revision: number; hash: string }>;
  /** Counts per rating, for a quick look without regenerating. */
  summary: Record<string, number>;
  publishedAt: string;
  /** Why a correction was published (versions after the first). */
  reason?: string;
}

/** An in-scope item that still needs its section (not started, draft or returned) when the cycle closes. */
export interface OutstandingItem {
  kind: ItemKind;
  itemId: string;
  name: string;
  sectionId: string;
  sectionName: string;
  status: string;
}

/** An item taken out of the cycle's scope, and why. */
export interface ExcludedItem {
  kind: ItemKind;
  itemId: string;
  reason: string;
}

export type CycleEvent =
  | DomainEvent<
      'CycleOpened',
      {
        wardId: string;
        fiscalYear: number;
        scheme: Scheme;
        deadline: string;
        bReasons: ReasonCategory[];
        scope: CycleScope;
        /** The ordinal scheme's scale; absent for the other schemes. */
        ordinalScale?: OrdinalScale;
        reminderPolicy: ReminderPolicy;
        openedAt: string;
      }
    >
  | DomainEvent<'ReminderPolicyChanged', { wardId: string; fiscalYear: number; reminderPolicy: ReminderPolicy }>
  | DomainEvent<
      'DeadlineExtended',
      { wardId: string; fiscalYear: number; deadline: string; previousDeadline: string; reason: string }
    >
  | DomainEvent<
      'CycleClosed',
      {
        wardId: string;
        fiscalYear: number;
        closedAt: string;
        /** The items the planning office confirmed to leave outstanding (absent when there were none). */
        outstandingConfirmed?: Array<Pick<OutstandingItem, 'kind' | 'itemId' | 'status'>>;
      }
    >
  | DomainEvent<'CycleReopened', { wardId: string; fiscalYear: number; reason: string; reopenedAt: string }>
  | DomainEvent<'ItemExcluded', { wardId: string; fiscalYear: number; excludedAt: string } & ExcludedItem>
  | DomainEvent<'ReportPublished', { wardId: string; fiscalYear: number } & Publication>
  | DomainEvent<'ReportCorrected', { wardId: string; fiscalYear: number; reason: string } & Publication>;

export function publicationOf(data: Publication): Publication {
  const { version, position, templateVersion, chainHeads, summary, publishedAt, reason } = data;
  return reason === undefined
    ? { version, position, templateVersion, chainHeads, summary, publishedAt }
    : { version, position, templateVersion, chainHeads, summary, publishedAt, reason };
}

export type CycleEventType = CycleEvent['type'];

export const CYCLE_EVENT_TYPES: readonly CycleEventType[] = [
  'CycleOpened',
  'ReminderPolicyChanged',
  'DeadlineExtended',
  'CycleClosed',
  'CycleReopened',
  'ItemExcluded',
  'ReportPublished',
  'ReportCorrected',
];

export const cycleStream = (wardId: string, fiscalYear: number) => `cycle-${wardId}-${fiscalYear}`;
