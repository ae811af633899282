import { fold } from '@pdca/kernel';
import type { Decider } from '@pdca/kernel';
import type { EventStore, RecordedEvent } from '../event-store.port';
import type { ContextReads } from './handle-command';

/** What folding a stream needs of a decider. */
export type Folding<State, Event> = Pick<Decider<State, never, Event>, 'evolve' | 'initialState' | 'fold'>;

export interface FoldedStream<State> {
  state: State;
  /** Revision of the stream's newest event; -1 when it does not exist. */
  revision: number;
  recorded: RecordedEvent[];
}

export const toDomainEvent = <Event>(recorded: RecordedEvent): Event =>
  ({ type: recorded.type, data: recorded.data }) as Event;

/** A stream read and folded into its decider's state: the one place a stream becomes a state. */
export async function readFolded<State, Event>(
  store: EventStore,
  stream: string,
  decider: Folding<State, Event>,
): Promise<FoldedStream<State>> {
  const recorded = await store.readStream(stream);
  return { state: fold(decider, recorded.map(toDomainEvent<Event>)), revision: recorded.length - 1, recorded };
}

/**
 * Folded states of streams that many commands read as context (a ward's cycle, its catalogue),
 * kept while the stream's newest revision is unchanged: one revision lookup per read, and only the
 * new events are read and evolved when it moved (evolve is pure, so the cached state is never
 * changed by it).
 */
export class FoldedStreamCache<State, Event> {
  private readonly cache = new Map<string, { revision: number; state: State }>();

  constructor(
    private readonly store: EventStore,
    private readonly decider: Folding<State, Event>,
    private readonly maxStreams = 1_000,
  ) {}

  /**
   * A command's context: on the attempt that may (ContextReads), the cached state without asking the
   * store whether it is current; else read as `read` does. Either way the stream is named at the
   * revision used, so the append fails if it has moved.
   */
  async readFor(stream: string, reads: ContextReads): Promise<{ state: State; revision: number }> {
    const used = (reads.mayUseCached && this.cache.get(stream)) || (await this.read(stream));
    reads.dependOn(stream, used.revision);
    return used;
  }

  async read(stream: string): Promise<{ state: State; revision: number }> {
    const revision = await this.store.streamRevision(stream);
    if (revision < 0) return { state: this.decider.initialState(), revision };
    const cached = this.cache.get(stream);
    if (cached?.revision === revision) return cached;
    const fresh = cached ? await this.catchUp(stream, cached) : await readFolded(this.store, stream, this.decider);
    const entry = { revision: fresh.revision, state: fresh.state };
    if (this.cache.size >= this.maxStreams && !this.cache.has(stream)) this.cache.clear();
    this.cache.set(stream, entry);
    return entry;
  }

  private async catchUp(stream: string, cached: { revision: number; state: State }) {
    const newer = await this.store.readStream(stream, { fromRevision: cached.revision + 1 });
    const state = newer
      .map(toDomainEvent<Event>)
      .reduce((current, event) => this.decider.evolve(current, event), cached.state);
    return { state, revision: newer.length > 0 ? newer[newer.length - 1].revision : cached.revision };
  }
}
