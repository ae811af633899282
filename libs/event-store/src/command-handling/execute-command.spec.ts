import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Decider, DomainError } from '@pdca/kernel';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { CommandPipeline } from './execute-command';
import { FoldedStreamCache, readFolded } from './fold-stream';
import type { ContextReads } from './handle-command';

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
});
