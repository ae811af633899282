import { randomUUID } from 'node:crypto';
import {
  connectEventStoreDb,
  EsdbEventStore,
  EventStoreUnavailableError,
  NewEvent,
  RecordedEvent,
  WrongExpectedRevisionError,
} from '@pdca/event-store';
import { startFakeEsdb, type FakeEsdb } from '../support/fake-esdb';

/**
 * What the shared behaviour suite cannot see: EventStoreDB's own system events in $all, the legacy
 * Streams.Append path of pre-21.10 servers, and the mapping of transport failures.
 */
describe.each([
  ['BatchAppend (21.10+ servers)', true],
  ['Append (20.x servers)', false],
])('EsdbEventStore over the wire, %s', (_label, batchAppend) => {
  let server: FakeEsdb;
  let store: EsdbEventStore;
  beforeAll(async () => {
    server = await startFakeEsdb({ batchAppend });
    store = connectEventStoreDb(server.connectionString);
  });
  afterAll(async () => {
    await store?.close();
    await server?.stop();
  });

  const streamName = () => `smoke-${randomUUID().slice(0, 8)}`;

  it('appends, rejects a conflict, and treats a same-place retry as a no-op', async () => {
    const stream = streamName();
    const events = [event('A'), event('B')];
    const first = await store.append(stream, events, { expectedRevision: 'no_stream' });
    expect(first.nextRevision).toBe(1);
    await expect(store.append(stream, [event('C')], { expectedRevision: 0 })).rejects.toMatchObject({ actual: 1 });
    expect(await store.append(stream, events, { expectedRevision: 'no_stream' })).toEqual(first);
    expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B']);
  });

  it("recognises an 'any' retry by its event ids", async () => {
    const stream = streamName();
    const events = [event('A'), event('B')];
    const first = await store.append(stream, events, { expectedRevision: 'any' });
    expect(await store.append(stream, events, { expectedRevision: 'any' })).toEqual(first);
    expect(await store.readStream(stream)).toHaveLength(2);
  });

  it('rejects a retry that only partly matches what is stored', async () => {
    const stream = streamName();
    const [a, b] = [event('A'), event('B')];
    await store.append(stream, [a, b], { expectedRevision: 'no_stream' });
    const failure = await store.append(stream, [a, event('X')], { expectedRevision: 'no_stream' }).catch((e) => e);
    expect(failure).toBeInstanceOf(WrongExpectedRevisionError);
    expect(failure).toMatchObject({ expected: 'no_stream', actual: 1 });
  });

  it('keeps system events out of readAll, headPosition and subscriptions', async () => {
    const stream = streamName();
    const mine = await store.append(stream, [event('Mine')], { expectedRevision: 'no_stream' });
    const system = server.writeSystemEvent('$stats-127.0.0.1:2113', '$statsCollected');
    expect(system.position).toBeGreaterThan(mine.position);
    expect(await store.headPosition()).toBe(mine.position);

    const all = await store.readAll();
    expect(all.some((e) => e.stream.startsWith('$') || e.type.startsWith('$'))).toBe(false);
    expect(all.at(-1)?.position).toBe(mine.position);
    // A page made only of system events must not read as the end of the log.
    await store.append(stream, [event('After')], { expectedRevision: 0 });
    expect((await store.readAll({ after: mine.position, maxCount: 1 })).map((e) => e.type)).toEqual(['After']);

    const subscription = store.subscribeToAll();
    const received: RecordedEvent[] = [];
    for await (const e of subscription) {
      received.push(e);
      if (e.stream === stream && e.type === 'After') break;
    }
    expect(received.some((e) => e.stream.startsWith('$'))).toBe(false);
    expect(received.filter((e) => e.stream === stream).map((e) => e.type)).toEqual(['Mine', 'After']);
  });

  it('delivers live events to a subscription started at the head', async () => {
    const stream = streamName();
    const subscription = store.subscribeToAll({ after: await store.headPosition() });
    const next = subscription[Symbol.asyncIterator]().next();
    await store.append(stream, [event('Live')], { expectedRevision: 'no_stream' });
    const { value } = await next;
    expect(value).toMatchObject({ stream, type: 'Live', revision: 0 });
    await subscription.close();
  });

  it('lets a slow subscriber fall far behind without losing or repeating events', async () => {
    const stream = streamName();
    const total = 1_500;
    const from = await store.headPosition();
    for (let start = 0; start < total; start += 500) {
      const batch = Array.from({ length: 500 }, () => event('Burst'));
      await store.append(stream, batch, { expectedRevision: start === 0 ? 'no_stream' : start - 1 });
    }
    const revisions: number[] = [];
    for await (const e of store.subscribeToAll({ after: from })) {
      // Long enough for hundreds of events to pile up, so the adapter has to pause the gRPC stream.
      if (revisions.length % 500 === 0) await new Promise((resolve) => setTimeout(resolve, 200));
      revisions.push(e.revision);
      if (revisions.length === total) break;
    }
    expect(revisions).toEqual(Array.from({ length: total }, (_, i) => i));
  });

  it('answers ping', async () => {
    expect(await store.ping()).toBe(true);
  });
});

describe('EsdbEventStore when the server is gone', () => {
  it('reports EventStoreUnavailableError, and ping answers false', async () => {
    const server = await startFakeEsdb();
    const store = connectEventStoreDb(server.connectionString);
    await store.append(`gone-${randomUUID()}`, [event('A')], { expectedRevision: 'no_stream' });
    await server.stop();
    try {
      const failure = await store
        .append(`gone-${randomUUID()}`, [event('B')], { expectedRevision: 'any' })
        .catch((e) => e);
      expect(failure).toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.readAll()).rejects.toBeInstanceOf(EventStoreUnavailableError);
      expect(await store.ping()).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('fails a live subscription with EventStoreUnavailableError', async () => {
    const server = await startFakeEsdb();
    const store = connectEventStoreDb(server.connectionString);
    const iterator = store.subscribeToAll()[Symbol.asyncIterator]();
    await store.append(`gone-${randomUUID()}`, [event('A')], { expectedRevision: 'no_stream' });
    expect((await iterator.next()).value).toMatchObject({ type: 'A' });
    const next = iterator.next();
    await server.stop();
    try {
      await expect(next).rejects.toBeInstanceOf(EventStoreUnavailableError);
    } finally {
      await store.close();
    }
  });
});

function event(type: string): NewEvent {
  return {
    id: randomUUID(),
    type,
    data: { type },
    metadata: {
      actor: 'smoke',
      role: 'test',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      recordedAt: new Date().toISOString(),
    },
  };
}
