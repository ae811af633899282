import type { RecordedEvent } from '@pdca/event-store';
import { formatVerifierKey, NoteVerifierKey, parseVerifierKey } from '../signed-note';
import { Finding, finding } from './findings';
import { KEY_ROTATED } from './log-keys';

/** A log key the service names: its signing key file's public half, or a key a rotation event names. */
export interface NamedLogKey {
  key: string;
  /** The rotation event naming it; none for the key file. */
  event?: Pick<RecordedEvent, 'position' | 'id' | 'stream' | 'revision'>;
}

/** The keys each rotation event names, as stored (whether or not its link can be checked here). */
export function rotationKeysOf(events: readonly RecordedEvent[]): NamedLogKey[] {
  return events
    .filter((event) => event.type === KEY_ROTATED)
    .flatMap((event) => {
      const data = event.data as { previousKey?: unknown; nextKey?: unknown };
      return [data.previousKey, data.nextKey].map((key) => ({ key: String(key), event }));
    });
}

/**
 * With a witness's pinned keys (`--log-key`), every key the service names must be one of them: a
 * key swapped in the database (or in the key file), or a rotation the witness has not accepted, is
 * named `key-not-pinned`. The witness trusts its pins, never a key because the database says so.
 */
export function unpinnedKeyFindings(named: readonly NamedLogKey[], pinned: readonly NoteVerifierKey[]): Finding[] {
  const pins = new Set(pinned.map(formatVerifierKey));
  return named.flatMap(({ key, event }) => {
    const parsed = parseVerifierKey(key);
    if (parsed && pins.has(formatVerifierKey(parsed))) return [];
    const where = event
      ? { position: event.position, eventId: event.id, stream: event.stream, revision: event.revision }
      : {};
    return [
      event
        ? finding(
            'key-not-pinned',
            where,
            `鍵の交代の記録が、固定された鍵にない鍵 ${key} を挙げています（DB 上の鍵の差し替え、または未承認の交代）。`,
            `the key rotation names ${key}, which is not a pinned log key (a key swapped in the database, or a rotation not accepted yet)`,
          )
        : finding(
            'key-not-pinned',
            where,
            `署名鍵ファイルの鍵 ${key} は固定された鍵にありません（鍵ファイルの差し替え、または未承認の交代）。`,
            `the signing key file holds ${key}, which is not a pinned log key (the key file replaced, or a rotation not accepted yet)`,
          ),
    ];
  });
}
