import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '../event-store.port';
import { sealedTextsIn } from './field-paths';
import type { PersonalDataEventStore } from './personal-data-event-store';

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

/** The ward's sealed texts that are still readable and match the selection, with their text for a preview. */
export async function findPersonalTexts(
  store: PersonalDataEventStore,
  selection: TextSelection,
): Promise<Array<TextPlace & { text: string; kid: string }>> {
  const ward = belongsTo(selection.wardId);
  const needle = selection.contains ? comparable(selection.contains) : undefined;
  const wanted = new Set((selection.fields ?? []).map((f) => `${f.eventId}:${f.field}`));
  const found: Array<TextPlace & { text: string; kid: string }> = [];
  for (let after = 0; ;) {
    const page = await store.inner.readAll({ after, maxCount: PAGE });
    if (page.length === 0) return found;
    for (const event of page.filter((e) => ward.test(e.stream))) found.push(...matchesIn(store, event, needle, wanted));
    after = page[page.length - 1].position;
  }
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
    return [
      {
        eventId: event.id,
        stream: event.stream,
        position: event.position,
        type: event.type,
        field: path,
        recordedAt: event.metadata.recordedAt,
        text,
        kid: envelope.kid,
      },
    ];
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
  store.keys.destroy(
    texts.map((t) => t.kid),
    request.now,
  );
  return position;
}
