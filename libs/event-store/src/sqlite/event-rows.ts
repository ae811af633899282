import type { EventMetadata, RecordedEvent } from '../event-store.port';

export interface EventRow {
  position: number;
  id: string;
  stream: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
}

export const EVENT_COLUMNS = 'position, id, stream, revision, type, data, metadata';

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    stream: row.stream,
    revision: row.revision,
    position: row.position,
    type: row.type,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as EventMetadata,
  };
}

/** A row as a statement in better-sqlite3's raw mode returns it: the EVENT_COLUMNS in order. */
export type RawEventRow = [
  position: number,
  id: string,
  stream: string,
  revision: number,
  type: string,
  data: string,
  metadata: string,
];

/**
 * The read path's form: raw rows spare an object per row before the event itself (catch-up and
 * rebuild read every event; measured here, a fifth less CPU for reading and parsing a page).
 */
export function fromRawRow(row: RawEventRow): RecordedEvent {
  return {
    id: row[1],
    stream: row[2],
    revision: row[3],
    position: row[0],
    type: row[4],
    data: JSON.parse(row[5]) as unknown,
    metadata: JSON.parse(row[6]) as EventMetadata,
  };
}
