import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '../event-store.port';
import { replaceAtPaths, sealedTextsIn } from './field-paths';
import type { PersonalDataEventStore } from './personal-data-event-store';
import { personalTextPaths } from './personal-text-fields';

export const PERSONAL_DATA_ERASED = 'PersonalDataErased';

/** One ward's erasures, on a stream of their own (its name matches the ward like every other stream). */
export const erasureStream = (wardId: string) => `erasure-${wardId}`;

/** Which texts: those of given events' fields, or every text that contains a name (or both). */
export interface TextSelection {
  wardId: string;
  /** Matched after NFKC and without white space, so 「山田 太郎」 also finds 「山田太郎」 (and a full-width space between). */
  contains?: string;
  fields?: ReadonlyArray<{ eventId: string; field: string }>;
}

/** A place where a text was (never the text itself). */
export interface TextPlace {
  eventId: string;
  stream: string;
  position: number;
  type: string;
  field: string;
  recordedAt: string;
}

export interface ErasureRecord {
  wardId: string;
  texts: TextPlace[];
  reason: string;
  erasedAt: string;
}

const PAGE = 2_000;
const comparable = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');
const belongsTo = (wardId: string) => new RegExp(`^[a-z]+-${wardId}(?:-|$)`);

export type FoundText = TextPlace & { text: string; kid: string };

/**
 * A matching text stored in clear: appended before the personal-data layer existed. No key to
 * destroy, and rewriting the event would break every chain over it, so it cannot be erased.
 */
export type UnsealedText = TextPlace & { text: string };

/** The ward's sealed texts that are still readable and match the selection, with their text for a preview. */
export async function findPersonalTexts(store: PersonalDataEventStore, selection: TextSelection): Promise<FoundText[]> {
  return (await scanPersonalTexts(store, selection)).sealed;
}

/** One pass over the log: the matching texts that can be erased (sealed) and those that cannot (in clear). */
export async function scanPersonalTexts(
  store: PersonalDataEventStore,
  selection: TextSelection,
): Promise<{ sealed: FoundText[]; unsealed: UnsealedText[] }> {
  const ward = belongsTo(selection.wardId);
  const needle = selection.contains ? comparable(selection.contains) : undefined;
  const wanted = new Set((selection.fields ?? []).map((f) => `${f.eventId}:${f.field}`));
  const sealed: FoundText[] = [];
  const unsealed: UnsealedText[] = [];
  for (let after = 0; ;) {
    const page = await store.inner.readAll({ after, maxCount: PAGE });
    if (page.length === 0) return { sealed, unsealed };
    for (const event of page.filter((e) => ward.test(e.stream))) {
      sealed.push(...matchesIn(store, event, needle, wanted));
      unsealed.push(...clearMatchesIn(event, needle, wanted));
    }
    after = page[page.length - 1].position;
  }
}

const placeOf = (event: RecordedEvent, field: string): TextPlace => ({
  eventId: event.id,
  stream: event.stream,
  position: event.position,
  type: event.type,
  field,
  recordedAt: event.metadata.recordedAt,
});

/** Texts at the personal-text paths that are plain strings in the stored event (a sealed one is an object). */
function clearMatchesIn(event: RecordedEvent, needle: string | undefined, wanted: Set<string>): UnsealedText[] {
  const found: UnsealedText[] = [];
  replaceAtPaths(event.data, personalTextPaths(event.type), (text, path) => {
    if (wanted.has(`${event.id}:${path}`) || (needle !== undefined && comparable(text).includes(needle)))
      found.push({ ...placeOf(event, path), text });
    return text;
  });
  return found;
}

function matchesIn(
  store: PersonalDataEventStore,
  event: RecordedEvent,
  needle: string | undefined,
  wanted: Set<string>,
) {
  return sealedTextsIn(event.data).flatMap(({ path, envelope }) => {
    const text = store.textOf(event.id, path, envelope);
    if (text === undefined) return [];
    const selected = wanted.has(`${event.id}:${path}`) || (needle !== undefined && comparable(text).includes(needle));
    if (!selected) return [];
    return [{ ...placeOf(event, path), text, kid: envelope.kid }];
  });
}

/**
 * Records the erasure (where, why, by whom; never the text), then destroys the texts' keys. In
 * that order: a failure in between leaves a record whose keys a second run destroys, never an
 * unrecorded erasure. Returns the erasure event's position.
 */
export async function erasePersonalTexts(
  store: PersonalDataEventStore,
  texts: ReadonlyArray<TextPlace & { kid: string }>,
  request: { wardId: string; reason: string; actor: string; role: string; now: Date },
): Promise<number> {
  const data: ErasureRecord = {
    wardId: request.wardId,
    texts: texts.map(({ eventId, stream, position, type, field, recordedAt }) => ({
      eventId,
      stream,
      position,
      type,
      field,
      recordedAt,
    })),
    reason: request.reason,
    erasedAt: request.now.toISOString(),
  };
  const id = randomUUID();
  const metadata = {
    actor: request.actor,
    role: request.role,
    wardId: request.wardId,
    correlationId: id,
    causationId: id,
    commandType: 'ErasePersonalData',
    recordedAt: request.now.toISOString(),
  };
  const { position } = await store.append(
    erasureStream(request.wardId),
    [{ id, type: PERSONAL_DATA_ERASED, data, metadata }],
    { expectedRevision: 'any' },
  );
  store.destroyKeys(
    texts.map((t) => t.kid),
    request.now,
  );
  return position;
}
