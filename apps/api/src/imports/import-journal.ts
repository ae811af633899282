import { eventIdFor, EventMetadata, EventStore, toDomainEvent } from '@pdca/event-store';
import type { BatchKind } from '@pdca/importing';

/**
 * One stream listing the batches that were opened and closed, so that start-up finds an import a
 * crash interrupted without scanning the log, and the office can list a ward's imports without
 * reading their (large) recorded batches. Written before a batch starts and after it closes; an
 * entry whose import stream never got its start is simply closed at start-up.
 */
export const IMPORT_JOURNAL = 'import-journal';

export interface JournalEntry {
  wardId: string;
  stream: string;
  importId: string;
  batch: BatchKind;
}

/** What the list shows of a batch when it opens: the files and counts of an import, the reason of a reversion. */
export interface OpenedDetails {
  at: string;
  by: string;
  files?: string[];
  records?: number;
  catalogueCommands?: number;
  reason?: string;
}

export type BatchOutcome = 'completed' | 'abandoned';

type JournalEvent =
  | { type: 'ImportBatchOpened'; data: JournalEntry & Partial<OpenedDetails> }
  | { type: 'ImportBatchClosed'; data: JournalEntry & { outcome?: BatchOutcome } };

const keyOf = (entry: JournalEntry) => `${entry.stream}\u0000${entry.importId}\u0000${entry.batch}`;

export async function openInJournal(
  store: EventStore,
  entry: JournalEntry & OpenedDetails,
  metadata: EventMetadata,
): Promise<void> {
  await store.append(
    IMPORT_JOURNAL,
    [{ id: eventIdFor(metadata.causationId, IMPORT_JOURNAL, 0), type: 'ImportBatchOpened', data: entry, metadata }],
    { expectedRevision: 'any' },
  );
}

export async function closeInJournal(
  store: EventStore,
  entry: JournalEntry & { outcome: BatchOutcome },
  metadata: EventMetadata,
): Promise<void> {
  await store.append(
    IMPORT_JOURNAL,
    [{ id: eventIdFor(metadata.causationId, IMPORT_JOURNAL, 1), type: 'ImportBatchClosed', data: entry, metadata }],
    { expectedRevision: 'any' },
  );
}

export async function journalEvents(store: EventStore): Promise<JournalEvent[]> {
  return (await store.readStream(IMPORT_JOURNAL)).map((e) => toDomainEvent<JournalEvent>(e));
}

/** The batches opened and not closed. */
export async function openBatches(store: EventStore): Promise<JournalEntry[]> {
  const open = new Map<string, JournalEntry>();
  for (const event of await journalEvents(store)) {
    if (event.type === 'ImportBatchOpened') open.set(keyOf(event.data), event.data);
    else open.delete(keyOf(event.data));
  }
  return [...open.values()];
}
