import { hash } from 'node:crypto';
import { canonicalJson } from '@pdca/kernel';
import type { NewEvent, RecordedEvent } from '../event-store.port';

/**
 * The audit trail's chain per stream (its verification lives in @pdca/audit). It is here, beside
 * the stores, because the SQLite writer links the events inside the append's transaction.
 *
 * Every event carries the hash of its predecessor in the same stream (metadata.prevHash) and its
 * own hash (metadata.hash) over the canonical JSON of stream, revision, id, type, data and the
 * rest of the metadata. Changing, removing or reordering any stored event breaks the chain.
 */
export interface ChainHead {
  revision: number;
  hash: string;
}

export const GENESIS: ChainHead = { revision: -1, hash: '' };

export function hashOf(
  stream: string,
  revision: number,
  event: Pick<NewEvent, 'id' | 'type' | 'data' | 'metadata'>,
): string {
  const { hash: _ignored, ...metadata } = event.metadata;
  const canonical = canonicalJson({ stream, revision, id: event.id, type: event.type, data: event.data, metadata });
  return hash('sha256', canonical, 'hex'); // one-shot: no Hash object per event
}

/** Links new events onto the head of their stream. */
export function chainEvents(stream: string, head: ChainHead, events: readonly NewEvent[]): NewEvent[] {
  let previous = head;
  return events.map((event) => {
    const revision = previous.revision + 1;
    const linked = { ...event, metadata: { ...event.metadata, prevHash: previous.hash || null } };
    const hash = hashOf(stream, revision, linked);
    previous = { revision, hash };
    return { ...linked, metadata: { ...linked.metadata, hash } };
  });
}

export function headOf(event: RecordedEvent): ChainHead {
  return { revision: event.revision, hash: typeof event.metadata.hash === 'string' ? event.metadata.hash : '' };
}
