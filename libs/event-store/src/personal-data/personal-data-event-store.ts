import type {
  AppendOptions,
  AppendResult,
  EventStore,
  EventSubscription,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../event-store.port';
import { ForwardingEventStore } from '../forwarding-event-store';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { openSealedTexts, replaceAtPaths, sealedTextsIn } from './field-paths';
import type { KeyStore } from './key-store';
import { personalTextPaths } from './personal-text-fields';
import { openText, SealedText } from './sealed-text';
import type { TextToSeal } from './key-writer-thread';
import { JustSealedTexts } from './just-sealed-texts';

/** The associated data of a sealed text: the event and the field it belongs to. */
export const sealedTextPlace = (eventId: string, path: string) => `${eventId}:${path}`;

/**
 * Crypto-shredding at the edge: the outermost store. On append, the free texts that may name
 * someone (personal-text-fields.ts) are sealed with a key of their own, kept in the key store;
 * on read they are opened, or read as the erased mark once their key was destroyed. Everything
 * beneath (hash chain, log chain, adapter) sees, hashes and stores only the sealed form, so
 * destroying a key changes no stored byte and every chain still verifies. The domain, the
 * projections and the reports never see a sealed text.
 */
export class PersonalDataEventStore extends ForwardingEventStore {
  private readonly justSealed = new JustSealedTexts();

  constructor(
    inner: EventStore,
    readonly keys: KeyStore,
  ) {
    super(inner);
  }

  override async append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const texts: TextToSeal[] = [];
    events.forEach((event) => this.replaceTexts(event, (text, where) => (texts.push({ text, where }), text)));
    if (texts.length === 0) return this.inner.append(stream, events, options);
    // Sealed on the key store's thread, their keys durable before the events that need them are
    // appended: an event never outlives its text's key by accident.
    const envelopes = await this.keys.seal(texts);
    // Kept before the append: the subscription may read the events back before this call resumes.
    envelopes.forEach((envelope, i) => this.justSealed.remember(envelope.kid, texts[i].where, texts[i].text));
    let next = 0;
    const sealed = events.map((event) => this.replaceTexts(event, () => envelopes[next++]));
    try {
      return await this.inner.append(stream, sealed, options);
    } catch (error) {
      this.justSealed.forget(envelopes.map((envelope) => envelope.kid)); // never stored, never read back
      throw error;
    }
  }

  /** Destroys the keys (erasure): texts kept since their sealing are forgotten first, all of them. */
  destroyKeys(kids: readonly string[], now: Date): void {
    this.justSealed.forgetAll();
    this.keys.destroy(kids, now);
  }

  override async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.openAll(await this.inner.readStream(stream, options));
  }

  override async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.openAll(await this.inner.readAll(options), options?.following === true);
  }

  /**
   * On SQLite, page by page through this layer's readAll: one key lookup per page instead of one
   * per sealed text (the layers between only change appends and stream reads).
   */
  override subscribeToAll(options?: SubscribeOptions): EventSubscription {
    const sqlite = sqliteStoreBeneath(this.inner);
    if (sqlite) return sqlite.subscribeToAllThrough((page) => this.readAll(page), options);
    const inner = this.inner.subscribeToAll(options);
    const open = (event: RecordedEvent) => this.open(event);
    return {
      close: () => inner.close(),
      async *[Symbol.asyncIterator]() {
        for await (const event of inner) yield open(event);
      },
    };
  }

  override async close(): Promise<void> {
    await this.inner.close();
    await this.keys.closeAfterWrites();
  }

  /** The text of one sealed field, or undefined when its key was destroyed. */
  textOf(eventId: string, path: string, envelope: SealedText): string | undefined {
    const key = this.keys.keyOf(envelope.kid);
    return key ? openText(envelope, key, sealedTextPlace(eventId, path)) : undefined;
  }

  /** The event with each personal text replaced, in the order of personalTextPaths (the same order every time). */
  private replaceTexts(event: NewEvent, replace: (text: string, where: string) => unknown): NewEvent {
    const data = replaceAtPaths(event.data, personalTextPaths(event.type), (text, path) =>
      replace(text, sealedTextPlace(event.id, path)),
    );
    return data === event.data ? event : { ...event, data };
  }

  /**
   * A page's keys are looked up in one statement; events without sealed texts are returned as they
   * are. A subscription's read (`following`) first opens the texts this process has just sealed.
   */
  private openAll(events: RecordedEvent[], following = false): RecordedEvent[] {
    const justSealed = new Map<string, string>(); // by place: the text of this event's field
    const kids: string[] = [];
    for (const event of events)
      for (const { path, envelope } of sealedTextsIn(event.data)) {
        if (following) {
          const place = sealedTextPlace(event.id, path);
          const text = this.justSealed.take(envelope.kid, place);
          if (text !== undefined) {
            justSealed.set(place, text);
            continue;
          }
        }
        kids.push(envelope.kid);
      }
    if (kids.length === 0 && justSealed.size === 0) return events;
    const keys = kids.length > 0 ? this.keys.keysOf(kids) : new Map<string, Buffer>();
    return events.map((event) =>
      this.open(event, (envelope, place) => justSealed.get(place) ?? openText(envelope, keys.get(envelope.kid), place)),
    );
  }

  private open(
    event: RecordedEvent,
    openOne = (envelope: SealedText, place: string) => openText(envelope, this.keys.keyOf(envelope.kid), place),
  ): RecordedEvent {
    const data = openSealedTexts(event.data, (envelope, path) => openOne(envelope, sealedTextPlace(event.id, path)));
    return data === event.data ? event : { ...event, data };
  }
}

/** The store as stored (texts sealed), for whatever hashes or copies events: chain and log verification, the transparency tree. */
export function storedForm(store: EventStore): EventStore {
  const personal = personalDataStoreOf(store);
  return personal ? personal.inner : store;
}

function sqliteStoreBeneath(store: EventStore): SqliteEventStore | undefined {
  let layer = store;
  while (layer instanceof ForwardingEventStore) layer = layer.inner;
  return layer instanceof SqliteEventStore ? layer : undefined;
}

/** The personal-data layer of a composed store, when it has one. */
export function personalDataStoreOf(store: EventStore): PersonalDataEventStore | undefined {
  let layer = store;
  while (layer instanceof ForwardingEventStore) {
    if (layer instanceof PersonalDataEventStore) return layer;
    layer = layer.inner;
  }
  return undefined;
}
