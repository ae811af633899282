import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Decider, DomainError } from '@pdca/kernel';
import { ForwardingEventStore } from '../forwarding-event-store';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { CommandPipeline } from './execute-command';
import { FoldedStreamCache, readFolded } from './fold-stream';
import type { CommandEnvelope, ContextReads } from './handle-command';

type Counted = { type: 'Counted'; data: { by: number } };
type Count = { type: 'Count'; by: number };
const counter: Decider<number, Count, Counted> = {
  decide: (command) => [{ type: 'Counted', data: { by: command.by } }],
  evolve: (total, event) => total + event.data.by,
  initialState: () => 0,
};
/** Records once, like the reminder ledger: a second command on the stream decides nothing. */
const once: Decider<number, Count, Counted> = {
  ...counter,
  decide: (command, total) => (total === 0 ? counter.decide(command, total) : []),
};
/** A context stream: the most a Capped command may count, as a cycle's status or a catalogue is to a submission. */
type LimitSet = { type: 'LimitSet'; data: { max: number } };
type SetLimit = { type: 'SetLimit'; max: number };
const limit: Decider<number, SetLimit, LimitSet> = {
  decide: (command) => [{ type: 'LimitSet', data: { max: command.max } }],
  evolve: (_, event) => event.data.max,
  initialState: () => 0,
};
type Capped = Count & { max: number };
const capped: Decider<number, Capped, Counted> = {
  ...counter,
  decide: (command, total) => {
    if (command.by > command.max) throw Object.assign(new Error('over the limit'), { code: 'OVER_LIMIT' });
    return counter.decide(command, total);
  },
};
const clock = { now: () => new Date('2023-04-01T00:00:00.000Z') };
const actor = { userId: 'u', role: 'planning_office' as const, wardId: 'nerima' };
const keyed = (key: string, fingerprint: string) => ({
  commandId: `u/${key}`,
  commandType: 'Count',
  actor,
  correlationId: 'c',
  requestFingerprint: fingerprint,
});

/** Two pipelines on two connections to one SQLite file: two API processes, as far as the store can tell. */
describe('CommandPipeline across two processes on one store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdca-pipeline-'));
  const stores = [new SqliteEventStore(join(dir, 'events.db')), new SqliteEventStore(join(dir, 'events.db'))];
  const [one, two] = stores.map((store) => new CommandPipeline(store, clock));
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('replays a keyed command retried on the other process, and refuses the key on another stream (422), writing nothing', async () => {
    const first = await one.execute({
      stream: 'counter-a',
      decider: counter,
      command: { type: 'Count', by: 1 },
      envelope: keyed('k1', 'f'),
    });
    const retry = await two.execute({
      stream: 'counter-a',
      decider: counter,
      command: { type: 'Count', by: 1 },
      envelope: keyed('k1', 'f'),
    });
    expect(retry).toMatchObject({ replayed: true, position: first.position });
    const head = await stores[0].headPosition();
    const reused = two.execute({
      stream: 'counter-b',
      decider: counter,
      command: { type: 'Count', by: 1 },
      envelope: keyed('k1', 'f'),
    });
    await expect(reused).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' } satisfies Partial<DomainError>);
    expect(await stores[0].headPosition()).toBe(head);
  });

  it('decides again after a conflict with the other process: every command of a burst on one stream is applied once', async () => {
    const burst = Array.from({ length: 20 }, (_, i) =>
      (i % 2 === 0 ? one : two).execute({
        stream: 'counter-burst',
        decider: counter,
        command: { type: 'Count', by: 1 },
        envelope: { commandId: `burst-${i}`, commandType: 'Count', actor, correlationId: 'c' },
      }),
    );
    await Promise.all(burst);
    const events = await stores[1].readStream('counter-burst');
    expect(events).toHaveLength(20);
  });

  it('decides on the stream its caller has just read without reading it again, and reads again when it moved meanwhile', async () => {
    const envelope = (id: string) => ({ commandId: id, commandType: 'Count', actor, correlationId: 'c' });
    const reads = jest.spyOn(stores[0], 'readStream');
    const fresh = await readFolded(stores[0], 'once-fresh', once);
    reads.mockClear();
    await one.execute({
      stream: 'once-fresh',
      decider: once,
      command: { type: 'Count', by: 1 },
      envelope: envelope('f1'),
      known: fresh,
    });
    expect(reads).not.toHaveBeenCalled();
    expect(await stores[0].readStream('once-fresh')).toHaveLength(1);

    const stale = await readFolded(stores[0], 'once-stale', once);
    await two.execute({
      stream: 'once-stale',
      decider: once,
      command: { type: 'Count', by: 1 },
      envelope: envelope('s1'),
    });
    reads.mockClear();
    const result = await one.execute({
      stream: 'once-stale',
      decider: once,
      command: { type: 'Count', by: 1 },
      envelope: envelope('s2'),
      known: stale,
    });
    expect(reads).toHaveBeenCalled();
    expect(result.events).toEqual([]);
    expect(await stores[0].readStream('once-stale')).toHaveLength(1);
    reads.mockRestore();
  });

  it('given the other process wrote a keyed command after this one read the stream, when the key comes here with another body, then 422 (the append found its ids stored), writing nothing', async () => {
    const stream = `raced-${randomUUID()}`;
    const before = await readFolded(stores[0], stream, counter);
    await two.execute({
      stream,
      decider: counter,
      command: { type: 'Count', by: 1 },
      envelope: keyed(`k-${stream}`, 'f'),
    });
    const reused = one.execute({
      stream,
      decider: counter,
      command: { type: 'Count', by: 1 },
      envelope: keyed(`k-${stream}`, 'other'),
      known: before,
    });
    await expect(reused).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' } satisfies Partial<DomainError>);
    expect(await stores[0].readStream(stream)).toHaveLength(1);
  });

  describe('a context read from a cache, held to its revision by the append', () => {
    const envelope = (id: string) => ({ commandId: id, commandType: 'Count', actor, correlationId: 'c' });
    const setLimit = (stream: string, max: number) =>
      two.execute({ stream, decider: limit, command: { type: 'SetLimit', max }, envelope: envelope(randomUUID()) });

    /**
     * Process one has cached the limit at `cached`; the other process then sets it to each of `then`
     * (none: unchanged). Counting 3 reads the limit from the cache on the first attempt (no revision
     * lookup), from the store after; `moveEachAttempt` changes it again during every attempt.
     */
    async function countAgainst(name: string, cached: number, then: number[], moveEachAttempt = false) {
      const [limitStream, countStream] = [`limit-${name}`, `capped-${name}`];
      const limits = new FoldedStreamCache(stores[0], limit);
      await setLimit(limitStream, cached);
      await limits.read(limitStream);
      for (const max of then) await setLimit(limitStream, max);
      const attempts: boolean[] = [];
      const outcome = one
        .execute({
          stream: countStream,
          decider: capped,
          envelope: envelope(randomUUID()),
          command: async (reads: ContextReads) => {
            attempts.push(reads.mayUseCached);
            const read = await limits.readFor(limitStream, reads);
            if (moveEachAttempt) await setLimit(limitStream, 5);
            return { type: 'Count' as const, by: 3, max: read.state };
          },
        })
        .then(
          () => 'counted',
          (error: { code?: string }) => error.code,
        );
      return { outcome: await outcome, attempts, written: (await stores[0].readStream(countStream)).length };
    }

    it('given a limit cached at 5 and lowered to 1 by the other process, when counting 3, then it is decided again on 1 and refused, writing nothing', async () => {
      expect(await countAgainst('lowered', 5, [1])).toEqual({
        outcome: 'OVER_LIMIT',
        attempts: [true, false],
        written: 0,
      });
    });

    it('given a limit cached at 1 and raised to 5 by the other process, when counting 3, then the refusal on the cache is decided again and the count accepted', async () => {
      expect(await countAgainst('raised', 1, [5])).toEqual({ outcome: 'counted', attempts: [true, false], written: 1 });
    });

    it('given a limit cached and unchanged, when counting 3, then it is decided once on the cache and appended', async () => {
      expect(await countAgainst('kept', 5, [])).toEqual({ outcome: 'counted', attempts: [true], written: 1 });
    });

    it('given a limit the other process changes during every attempt, when counting 3, then it ends in CONTEXT_CHANGED, writing nothing', async () => {
      const { outcome, attempts, written } = await countAgainst('restless', 5, [], true);
      expect({ outcome, written }).toEqual({ outcome: 'CONTEXT_CHANGED', written: 0 });
      expect(attempts).toHaveLength(6); // DEFAULT_RETRY.attempts
    });
  });

  describe("a stream presumed new (the caller's views hold none of its events): not read, held to being new by the append", () => {
    const plain = (id: string) => ({ commandId: id, commandType: 'Count', actor, correlationId: 'c' });
    const count = (pipeline: CommandPipeline, stream: string, envelope: CommandEnvelope, extra = {}, decider = once) =>
      pipeline.execute({ stream, decider, command: { type: 'Count', by: 1 }, envelope, ...extra });
    const outcomeOf = (run: Promise<{ replayed: boolean; events: unknown[] }>) =>
      run.then(
        (r) => ({ replayed: r.replayed, decided: r.events.length }),
        (error: { code?: string }) => error.code,
      );

    /** Runs `when` on process one with the stream presumed new, counting its reads of the stream. */
    async function presumingNew(stream: string, when: (extra: { presumedNew: true }) => Promise<unknown>) {
      const reads = jest.spyOn(stores[0], 'readStream');
      try {
        const outcome = await when({ presumedNew: true });
        const readCalls = reads.mock.calls.filter(([read]) => read === stream).length;
        return { outcome, readCalls, written: (await stores[1].readStream(stream)).length };
      } finally {
        reads.mockRestore();
      }
    }

    it('given a stream nobody wrote, when a command presumes it new, then it is decided without a read and appended once', async () => {
      const stream = `new-${randomUUID()}`;
      const result = await presumingNew(stream, (extra) => outcomeOf(count(one, stream, plain(randomUUID()), extra)));
      expect(result).toEqual({ outcome: { replayed: false, decided: 1 }, readCalls: 0, written: 1 });
    });

    it('given the other process wrote the stream, when a command presumes it new, then it is decided again on the stream as read', async () => {
      const stream = `new-${randomUUID()}`;
      await count(two, stream, plain(randomUUID()));
      const result = await presumingNew(stream, (extra) => outcomeOf(count(one, stream, plain(randomUUID()), extra)));
      // `once` decides nothing on a stream that has counted: the read state, not the presumed one.
      expect(result).toEqual({ outcome: { replayed: false, decided: 0 }, readCalls: 1, written: 1 });
    });

    it.each([
      ['the same body: answered as a replay', 'f', { replayed: true, decided: 1 }],
      ['another body: refused, 422', 'other', 'IDEMPOTENCY_KEY_REUSED'],
    ])(
      'given the other process wrote a keyed command, when the key comes here with %s, presuming the stream new, writing nothing',
      async (_, fingerprint, outcome) => {
        const stream = `new-${randomUUID()}`;
        await count(two, stream, keyed(`k-${stream}`, 'f'));
        const result = await presumingNew(stream, (extra) =>
          outcomeOf(count(one, stream, keyed(`k-${stream}`, fingerprint), extra)),
        );
        expect(result).toEqual({ outcome, readCalls: 1, written: 1 });
      },
    );

    it('given the other process counted, when a reset (nothing to do on a new stream) presumes it new, then it is decided on the stream as read', async () => {
      const stream = `new-${randomUUID()}`;
      await count(two, stream, plain(randomUUID()));
      const reset: Decider<number, Count, Counted> = {
        ...counter,
        decide: (_, total) => (total === 0 ? [] : [{ type: 'Counted', data: { by: -total } }]),
      };
      const result = await presumingNew(stream, (extra) =>
        outcomeOf(count(one, stream, plain(randomUUID()), extra, reset)),
      );
      expect(result).toEqual({ outcome: { replayed: false, decided: 1 }, readCalls: 1, written: 2 });
    });

    it('given the other process counted, when a take-back (refused on a new stream) presumes it new, then it is decided on the stream as read', async () => {
      const stream = `new-${randomUUID()}`;
      await count(two, stream, plain(randomUUID()));
      const takeBack: Decider<number, Count, Counted> = {
        ...counter,
        decide: (_, total) => {
          if (total === 0) throw Object.assign(new Error('nothing counted'), { code: 'NOTHING_COUNTED' });
          return [{ type: 'Counted', data: { by: -1 } }];
        },
      };
      const result = await presumingNew(stream, (extra) =>
        outcomeOf(count(one, stream, plain(randomUUID()), extra, takeBack)),
      );
      expect(result).toEqual({ outcome: { replayed: false, decided: 1 }, readCalls: 1, written: 2 });
    });

    it('given the stream at revision 0, when a command with If-Match 0 presumes it new, then it is decided on the read stream, not refused as stale', async () => {
      const stream = `new-${randomUUID()}`;
      await two.execute({ stream, decider: counter, command: { type: 'Count', by: 1 }, envelope: plain(randomUUID()) });
      const ifMatch0 = { ...plain(randomUUID()), expectedRevision: 0 };
      const result = await presumingNew(stream, (extra) => outcomeOf(count(one, stream, ifMatch0, extra, counter)));
      expect(result).toEqual({ outcome: { replayed: false, decided: 1 }, readCalls: 1, written: 2 });
    });

    it('given a store that cannot tell a repeat from a write, when a command presumes the stream new, then the stream is read all the same', async () => {
      class CannotTellRepeats extends ForwardingEventStore {
        override get tellsRepeats() {
          return false;
        }
      }
      const pipeline = new CommandPipeline(new CannotTellRepeats(stores[0]), clock);
      const stream = `new-${randomUUID()}`;
      const result = await presumingNew(stream, (extra) =>
        outcomeOf(count(pipeline, stream, plain(randomUUID()), extra)),
      );
      expect(result).toEqual({ outcome: { replayed: false, decided: 1 }, readCalls: 1, written: 1 });
    });
  });
});
