import { canonicalJson } from '@pdca/kernel';
import type { RecordedEvent } from '@pdca/event-store';
import { Hash, leafHash } from './hashing';

/**
 * The log entry of one event: RFC 8785 canonical JSON of every stored column of its row.
 * `position` is in it (so swapping two events' global positions changes the tree), and so is
 * `id` (the idempotency key): no field an insider can edit escapes the hash.
 */
export function eventLeafEntry(event: RecordedEvent): Buffer {
  const { stream, revision, position, id, type, data, metadata } = event;
  return Buffer.from(canonicalJson({ stream, revision, position, id, type, data, metadata }), 'utf8');
}

export const eventLeafHash = (event: RecordedEvent): Hash => leafHash(eventLeafEntry(event));
