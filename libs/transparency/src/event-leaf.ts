import { logEntry, LogEntryFields, logLeaf, RecordedEvent } from '@pdca/event-store';
import { Hash } from './hashing';

/**
 * The log entry of one event is the entry its log link covers (`logEntry` of @pdca/event-store):
 * stream, revision, global position, id, type, then data and metadata as stored (JSON text).
 * `position` is in it (swapping two events' global positions changes the tree), and so is `id`
 * (the idempotency key): no field an insider can edit escapes the hash. The stored text, not a
 * canonical re-encoding: a verifier hashes a million rows without parsing them (issue 13's 10 s).
 */
export function eventLeafEntry(event: RecordedEvent): Buffer {
  return Buffer.from(
    logEntry({ ...event, data: JSON.stringify(event.data), metadata: JSON.stringify(event.metadata) }),
    'utf8',
  );
}

export const eventLeafHash = (event: RecordedEvent): Hash => logLeaf(eventLeafEntry(event).toString('utf8'));

/** The same leaf from a stored row, without parsing its JSON. */
export const rowLeafHash = (row: LogEntryFields): Hash => logLeaf(logEntry(row));
