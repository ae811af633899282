import { randomUUID } from 'node:crypto';
import {
  DuplicateEventIdError,
  EventStore,
  NewEvent,
  RecordedEvent,
  WrongExpectedRevisionError,
} from '@pdca/event-store';

export interface OpenedStore {
  store: EventStore;
  cleanup: () => Promise<void>;
}

export interface AdapterTraits {
  /**
   * EventStoreDB checks event ids only within a stream, so an id reused in another stream is
   * accepted there. Our command layer derives ids from command id and stream, so it never asks.
   */
  rejectsIdsFromOtherStreams: boolean;
  /** Whether a repeated append says it was one (AppendResult.alreadyStored): only SQLite can. */
  tellsRepeats: boolean;
}

/** The contract every adapter passes: run it once per adapter. */
export function describeEventStoreBehaviour(
  name: string,
  open: () => Promise<OpenedStore>,
  traits: AdapterTraits,
): void {
  describe(`event store behaviour: ${name}`, () => {
    let opened: OpenedStore;
    let store: EventStore;
    beforeAll(async () => {
      opened = await open();
      store = opened.store;
    });
    afterAll(async () => opened?.cleanup());

    const streamName = (label: string) => `test_${label}-${randomUUID().slice(0, 8)}`;

    it('appends to a new stream and reads it back in order with data and metadata intact', async () => {
      const stream = streamName('roundtrip');
      const events = [
        anEvent('ActualSubmitted', { text: '計206所（定員17,341人）' }),
        anEvent('ProjectRated', { rating: 'A+' }),
      ];
      const result = await store.append(stream, events, { expectedRevision: 'no_stream' });
      expect(result.nextRevision).toBe(1);
      const read = await store.readStream(stream);
      expect(read.map((e) => [e.id, e.type, e.revision, e.stream])).toEqual([
        [events[0].id, 'ActualSubmitted', 0, stream],
        [events[1].id, 'ProjectRated', 1, stream],
      ]);
      expect(read[0].data).toEqual({ text: '計206所（定員17,341人）' });
      expect(read[0].metadata).toEqual(events[0].metadata);
      expect(read[1].position).toBe(result.position);
      expect(read[1].position).toBeGreaterThan(read[0].position);
    });

    it('reads a missing stream as empty', async () => {
      expect(await store.readStream(streamName('missing'))).toEqual([]);
    });

    it('rejects no_stream on an existing stream, naming the actual revision', async () => {
      const stream = streamName('nostream');
      await store.append(stream, [anEvent('A')], { expectedRevision: 'no_stream' });
      const failure = await store.append(stream, [anEvent('B')], { expectedRevision: 'no_stream' }).catch((e) => e);
      expect(failure).toBeInstanceOf(WrongExpectedRevisionError);
      expect(failure).toMatchObject({ stream, actual: 0 });
      expect(await store.readStream(stream)).toHaveLength(1);
    });

    it('rejects a stale exact revision and accepts the current one', async () => {
      const stream = streamName('exact');
      await store.append(stream, [anEvent('A'), anEvent('B')], { expectedRevision: 'no_stream' });
      const stale = await store.append(stream, [anEvent('C')], { expectedRevision: 0 }).catch((e) => e);
      expect(stale).toBeInstanceOf(WrongExpectedRevisionError);
      expect(stale).toMatchObject({ actual: 1 });
      const ok = await store.append(stream, [anEvent('C')], { expectedRevision: 1 });
      expect(ok.nextRevision).toBe(2);
    });

    it('rejects an exact revision on a stream that does not exist, with actual -1', async () => {
      const failure = await store.append(streamName('ghost'), [anEvent('A')], { expectedRevision: 0 }).catch((e) => e);
      expect(failure).toBeInstanceOf(WrongExpectedRevisionError);
      expect(failure).toMatchObject({ actual: -1 });
    });

    it('appends when the streams the decision read are still at the revisions read', async () => {
      const [context, absent, stream] = [streamName('context'), streamName('absent'), streamName('decided')];
      await store.append(context, [anEvent('Opened'), anEvent('Moved')], { expectedRevision: 'no_stream' });
      const readStreams = [
        { stream: context, revision: 1 },
        { stream: absent, revision: -1 },
      ];
      const result = await store.append(stream, [anEvent('A')], { expectedRevision: 'no_stream', readStreams });
      expect(result.nextRevision).toBe(0);
      expect(await store.readStream(stream)).toHaveLength(1);
    });

    it('rejects, naming that stream, an append whose decision read a stream that has moved since', async () => {
      const [context, stream] = [streamName('moved'), streamName('decided')];
      await store.append(context, [anEvent('Opened')], { expectedRevision: 'no_stream' });
      await store.append(context, [anEvent('Closed')], { expectedRevision: 0 });
      const failure = await store
        .append(stream, [anEvent('A')], {
          expectedRevision: 'no_stream',
          readStreams: [{ stream: context, revision: 0 }],
        })
        .catch((e) => e);
      expect(failure).toBeInstanceOf(WrongExpectedRevisionError);
      expect(failure).toMatchObject({ stream: context, expected: 0, actual: 1 });
      expect(await store.readStream(stream)).toEqual([]);
      const created = await store
        .append(stream, [anEvent('A')], {
          expectedRevision: 'no_stream',
          readStreams: [{ stream: streamName('new'), revision: -1 }],
        })
        .then(() => 'appended');
      expect(created).toBe('appended');
      const appeared = await store
        .append(streamName('decided'), [anEvent('A')], {
          expectedRevision: 'no_stream',
          readStreams: [{ stream: context, revision: -1 }],
        })
        .catch((e) => e);
      expect(appeared).toMatchObject({ stream: context, expected: 'no_stream', actual: 1 });
    });

    it("appends with 'any' whatever the stream's state", async () => {
      const stream = streamName('any');
      await store.append(stream, [anEvent('A')], { expectedRevision: 'any' });
      const second = await store.append(stream, [anEvent('B')], { expectedRevision: 'any' });
      expect(second.nextRevision).toBe(1);
    });

    it('treats a re-append of the same event ids at the same place as a no-op returning the first result', async () => {
      const stream = streamName('idempotent');
      const events = [anEvent('A'), anEvent('B')];
      const first = await store.append(stream, events, { expectedRevision: 'no_stream' });
      const retry = await store.append(stream, events, { expectedRevision: 'no_stream' });
      // A store that tells repeats from writes says so (the command pipeline relies on it); the rest is the first result.
      expect(store.tellsRepeats).toBe(traits.tellsRepeats);
      const repeat = traits.tellsRepeats ? { alreadyStored: true } : {};
      expect(first.alreadyStored).toBeUndefined();
      expect(retry).toEqual({ ...first, ...repeat });
      const next = [anEvent('C')];
      const third = await store.append(stream, next, { expectedRevision: 1 });
      expect(await store.append(stream, next, { expectedRevision: 1 })).toEqual({ ...third, ...repeat });
      const read = await store.readStream(stream);
      expect(read.map((e) => e.type)).toEqual(['A', 'B', 'C']);
      const all = (await readEverything(store)).filter((e) => e.stream === stream);
      expect(all).toHaveLength(3);
    });

    it('reads a stream from a revision with a maximum count', async () => {
      const stream = streamName('window');
      await store.append(
        stream,
        range(10).map((i) => anEvent(`E${i}`)),
        { expectedRevision: 'no_stream' },
      );
      const window = await store.readStream(stream, { fromRevision: 3, maxCount: 4 });
      expect(window.map((e) => e.revision)).toEqual([3, 4, 5, 6]);
    });

    it('reads a stream backwards from the end or from a revision', async () => {
      const stream = streamName('backwards');
      await store.append(
        stream,
        range(6).map((i) => anEvent(`B${i}`)),
        { expectedRevision: 'no_stream' },
      );
      expect((await store.readStream(stream, { direction: 'backwards', maxCount: 1 })).map((e) => e.revision)).toEqual([
        5,
      ]);
      expect(
        (await store.readStream(stream, { direction: 'backwards', fromRevision: 3, maxCount: 2 })).map(
          (e) => e.revision,
        ),
      ).toEqual([3, 2]);
      expect(await store.readStream(streamName('backwards-missing'), { direction: 'backwards', maxCount: 1 })).toEqual(
        [],
      );
    });

    it('orders every stream by revision and all events by a strictly increasing global position', async () => {
      const streams = [streamName('order-a'), streamName('order-b')];
      const appended: string[] = [];
      for (let round = 0; round < 5; round++) {
        for (const stream of streams) {
          const event = anEvent(`R${round}`);
          appended.push(event.id);
          await store.append(stream, [event], { expectedRevision: round === 0 ? 'no_stream' : round - 1 });
        }
      }
      const mine = (await readEverything(store)).filter((e) => streams.includes(e.stream));
      expect(mine.map((e) => e.id)).toEqual(appended);
      expectStrictlyIncreasing(mine.map((e) => e.position));
      for (const stream of streams) {
        expect(mine.filter((e) => e.stream === stream).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
      }
    });

    it('reads all events strictly after a position, in pages', async () => {
      const stream = streamName('paging');
      await store.append(
        stream,
        range(7).map((i) => anEvent(`P${i}`)),
        { expectedRevision: 'no_stream' },
      );
      const events = await store.readStream(stream);
      const after = events[2].position;
      const page = await store.readAll({ after, maxCount: 3 });
      expect(page.map((e) => e.id)).toEqual(events.slice(3, 6).map((e) => e.id));
    });

    it("reports a stream's revision without reading its events", async () => {
      const stream = streamName('revision');
      expect(await store.streamRevision(stream)).toBe(-1);
      await store.append(stream, [anEvent('A'), anEvent('B')], { expectedRevision: 'no_stream' });
      expect(await store.streamRevision(stream)).toBe(1);
    });

    it('reports the head position', async () => {
      const stream = streamName('head');
      const result = await store.append(stream, [anEvent('H')], { expectedRevision: 'no_stream' });
      expect(await store.headPosition()).toBe(result.position);
    });

    it('reads a large stream completely and in order', async () => {
      const stream = streamName('large');
      const total = 5_000;
      for (let start = 0; start < total; start += 500) {
        const batch = range(500).map((i) => anEvent('Big', { n: start + i }));
        await store.append(stream, batch, { expectedRevision: start === 0 ? 'no_stream' : start - 1 });
      }
      const read = await store.readStream(stream);
      expect(read).toHaveLength(total);
      expect(read.every((e, i) => e.revision === i && (e.data as { n: number }).n === i)).toBe(true);
    });

    it('never lets concurrent writers on different streams conflict', async () => {
      const streams = range(20).map((i) => streamName(`parallel${i}`));
      const outcomes = await Promise.allSettled(
        streams.map(async (stream) => {
          for (let revision = -1; revision < 9; revision++) {
            await store.append(stream, [anEvent('Step')], { expectedRevision: revision < 0 ? 'no_stream' : revision });
          }
        }),
      );
      expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
      for (const stream of streams) expect(await store.readStream(stream)).toHaveLength(10);
    });

    it('lets exactly one of several concurrent writers at the same revision win', async () => {
      const stream = streamName('race');
      await store.append(stream, [anEvent('Start')], { expectedRevision: 'no_stream' });
      const outcomes = await Promise.allSettled(
        range(10).map(() => store.append(stream, [anEvent('Try')], { expectedRevision: 0 })),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const losers = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(losers.every((o) => o.reason instanceof WrongExpectedRevisionError)).toBe(true);
    });

    (traits.rejectsIdsFromOtherStreams ? it : it.skip)(
      'refuses an event id that is already stored in another stream',
      async () => {
        const event = anEvent('Once');
        await store.append(streamName('dup-a'), [event], { expectedRevision: 'no_stream' });
        const failure = await store
          .append(streamName('dup-b'), [event], { expectedRevision: 'no_stream' })
          .catch((e) => e);
        expect(failure).toBeInstanceOf(DuplicateEventIdError);
      },
    );

    it('subscribes from a position: catch-up then live, with no gap and no duplicate', async () => {
      const stream = streamName('subscription');
      const before = await store.append(
        stream,
        range(5).map((i) => anEvent(`Old${i}`)),
        { expectedRevision: 'no_stream' },
      );
      const oldEvents = await store.readStream(stream);
      const from = oldEvents[1].position;
      const subscription = store.subscribeToAll({ after: from });
      const received: RecordedEvent[] = [];
      const done = (async () => {
        for await (const event of subscription) {
          if (event.stream !== stream) continue;
          received.push(event);
          if (received.length === 3 + 20) break;
        }
      })();
      // live appends race the catch-up on purpose
      let revision = before.nextRevision;
      for (let i = 0; i < 20; i++) {
        await store.append(stream, [anEvent(`New${i}`)], { expectedRevision: revision });
        revision++;
      }
      await withTimeout(done, 10_000);
      await subscription.close();
      expect(received.map((e) => e.revision)).toEqual(range(23).map((i) => i + 2));
      expectStrictlyIncreasing(received.map((e) => e.position));
    });

    it('ends the iteration when a subscription is closed', async () => {
      const subscription = store.subscribeToAll({ after: await store.headPosition() });
      const iteration = (async () => {
        for await (const event of subscription) void event;
      })();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await subscription.close();
      await withTimeout(iteration, 5_000);
    });
  });
}

export function anEvent(type: string, data: Record<string, unknown> = {}): NewEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      actor: 'nerima/kikaku-ka/tanaka',
      role: 'planning_office',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      recordedAt: new Date().toISOString(),
    },
  };
}

async function readEverything(store: EventStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  let after = 0;
  for (;;) {
    const page = await store.readAll({ after, maxCount: 2_000 });
    if (page.length === 0) return all;
    all.push(...page);
    after = page[page.length - 1].position;
  }
}

function expectStrictlyIncreasing(values: number[]): void {
  values.slice(1).forEach((value, i) => expect(value).toBeGreaterThan(values[i]));
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
