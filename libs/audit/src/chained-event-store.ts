import {
  AppendOptions,
  AppendResult,
  ExpectedRevision,
  ForwardingEventStore,
  NewEvent,
  ReadStreamOptions,
  RecordedEvent,
  WrongExpectedRevisionError,
} from '@pdca/event-store';
import { chainEvents, ChainHead, GENESIS, headOf } from './hash-chain';

const MAX_CACHED_HEADS = 100_000;
const ANY_RETRIES = 5;

/**
 * Wraps any adapter so that every appended event is hash-chained to its stream. A store that
 * `chainsStreams` (SQLite) links them itself inside the append; for the others (EventStoreDB) the
 * heads seen on reads and appends are cached, so the usual read → decide → append costs no extra read.
 */
export class ChainedEventStore extends ForwardingEventStore {
  private readonly heads = new Map<string, ChainHead>();

  override async append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    // The store links them under its write lock, off this thread (SQLite's writer).
    if (this.inner.chainsStreams) return this.inner.append(stream, events, { ...options, chainStream: true });
    for (let attempt = 0; ; attempt++) {
      const head = await this.headFor(stream, options.expectedRevision);
      const chained = chainEvents(stream, head, events);
      try {
        const result = await this.inner.append(stream, chained, {
          ...options,
          expectedRevision: head.revision < 0 ? 'no_stream' : head.revision,
        });
        // A repeat wrote nothing: the stored events' hashes are not these (their metadata differs).
        if (result.alreadyStored) this.heads.delete(stream);
        else
          this.remember(stream, {
            revision: result.nextRevision,
            hash: String(chained[chained.length - 1].metadata.hash),
          });
        return result;
      } catch (error) {
        this.heads.delete(stream);
        if (
          !(error instanceof WrongExpectedRevisionError) ||
          options.expectedRevision !== 'any' ||
          attempt >= ANY_RETRIES
        )
          throw error;
      }
    }
  }

  override async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    // A store that links the chain itself needs no heads from here: none are kept (up to 100,000 of them).
    if (this.inner.chainsStreams) return this.inner.readStream(stream, options);
    const events = await this.inner.readStream(stream, options);
    const forwardsToEnd = options?.direction !== 'backwards' && options?.maxCount === undefined;
    if (forwardsToEnd && events.length > 0) this.remember(stream, headOf(events[events.length - 1]));
    return events;
  }

  /** The head the new events link to; a mismatch with an exact expectation is the caller's conflict. */
  private async headFor(stream: string, expected: ExpectedRevision): Promise<ChainHead> {
    if (expected === 'no_stream') return GENESIS;
    const cached = this.heads.get(stream);
    if (cached && (expected === cached.revision || expected === 'any')) return cached;
    const [last] = await this.inner.readStream(stream, { direction: 'backwards', maxCount: 1 });
    const head = last ? headOf(last) : GENESIS;
    if (expected !== 'any' && expected !== head.revision)
      throw new WrongExpectedRevisionError(stream, expected, head.revision);
    return head;
  }

  private remember(stream: string, head: ChainHead): void {
    if (this.heads.size >= MAX_CACHED_HEADS) this.heads.delete(this.heads.keys().next().value as string);
    this.heads.delete(stream);
    this.heads.set(stream, head);
  }
}
