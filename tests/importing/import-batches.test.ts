import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandPipeline, connectEventStoreDb, eventIdFor, SqliteEventStore } from '@pdca/event-store';
import type { EventStore } from '@pdca/event-store';
import type { BatchStep } from '@pdca/importing';
import { decideStep } from '@pdca/importing';
import type { Actor } from '@pdca/kernel';
import { evaluationStream } from '@pdca/review';
import type { EvaluationCommand, ItemRef } from '@pdca/review';
import { ImportBatches } from '../../apps/api/src/imports/import-batches';
import { openBatches } from '../../apps/api/src/imports/import-journal';
import { startFakeEsdb } from '../support/fake-esdb';

const planner: Actor = { userId: 'kikaku', role: 'planning_office', wardId: 'nerima' };
const section: Actor = { userId: 'tanto', role: 'section_staff', wardId: 'nerima', sectionId: 'sec_a' };
const clock = { now: () => new Date('2023-04-01T00:00:00.000Z') };
const ref = (itemId: string): ItemRef => ({ wardId: 'nerima', fiscalYear: 2022, kind: 'project', itemId });
const context = (actor: Actor, itemId: string): EvaluationCommand['context'] => ({
  actor,
  item: { ...ref(itemId), sectionId: 'sec_a', notSuitedForShortTermEvaluation: false, nothingPlanned: false },
  cycle: { status: 'open', scheme: 'nerima', deadline: '2023-05-31T14:59:59.999Z', bReasons: [] },
  now: clock.now().toISOString(),
});
const importStep = (itemId: string): BatchStep => ({
  stream: evaluationStream(ref(itemId)),
  expectedRevision: -1,
  command: {
    kind: 'evaluation',
    command: {
      type: 'ImportEvaluation',
      data: { actual: { kind: 'project', text: '実施' }, rating: { scheme: 'nerima', grade: 'A' }, importId: 'k-1' },
      context: context(planner, itemId),
    },
  },
});
const summary = (items: string[]) => ({ importId: 'k-1', files: [], catalogueCommands: 0, records: items.map(ref) });
const metadata = { actor: 'x', role: 'x', correlationId: 'c', causationId: 'c', recordedAt: clock.now().toISOString() };

type Opened = { store: EventStore; cleanup: () => Promise<void> };

const sqlite = async (): Promise<Opened> => {
  const dir = mkdtempSync(join(tmpdir(), 'pdca-batches-'));
  const store = new SqliteEventStore(join(dir, 'events.db'));
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
/** EventStoreDB has no transaction across streams: the batch must hold there with single-stream appends alone. */
const eventStoreDb = async (): Promise<Opened> => {
  const server = await startFakeEsdb({ batchAppend: true });
  const store = connectEventStoreDb(server.connectionString);
  return {
    store,
    cleanup: async () => {
      await store.close();
      await server.stop();
    },
  };
};

/** The batch runner on real stores: replays write nothing twice, refusals are listed, half-recorded batches change nothing. */
describe.each([
  ['SQLite', sqlite],
  ['the EventStoreDB adapter (fake server)', eventStoreDb],
] as const)('import batches on %s', (_, open) => {
  let opened: Opened;
  let store: EventStore;
  let batches: ImportBatches;
  beforeEach(async () => {
    opened = await open();
    store = opened.store;
    batches = new ImportBatches(store, clock, new CommandPipeline(store, clock));
  });
  afterEach(() => opened.cleanup());
  const typesOf = async (stream: string) => (await store.readStream(stream)).map((e) => e.type);

  it('applies every step once, closes the batch and the journal entry', async () => {
    const outcome = await batches.start(
      'import-nerima-k',
      {
        type: 'StartImport',
        data: { summary: summary(['P1', 'P2']), steps: [importStep('P1'), importStep('P2')] },
        context: { actor: planner, wardId: 'nerima', now: clock.now().toISOString() },
      },
      { actor: planner, correlationId: 'c' },
    );
    expect(outcome).toMatchObject({ conflicts: [], abandoned: false });
    expect(await typesOf(evaluationStream(ref('P1')))).toEqual(['EvaluationImported']);
    expect(await typesOf('import-nerima-k')).toEqual(['ImportStarted', 'ImportStepsRecorded', 'ImportCompleted']);
    expect(await openBatches(store)).toEqual([]);
    expect((await store.readStream(evaluationStream(ref('P2'))))[0].metadata).toMatchObject({
      importId: 'k-1',
      actor: 'kikaku',
    });
  });

  it('finishes an interrupted batch without writing its applied steps twice', async () => {
    const steps = [importStep('P1'), importStep('P2')];
    await recordOnly(steps);
    const [first] = decideStep(steps[0].command, []); // as applied before the crash
    await store.append(
      steps[0].stream,
      [{ id: eventIdFor('k-1:0', steps[0].stream, 0), type: first.type, data: first.data, metadata }],
      { expectedRevision: 'no_stream' },
    );
    expect(await openBatches(store)).toHaveLength(1);
    await batches.finish('import-nerima-k');
    expect(await typesOf(steps[0].stream)).toEqual(['EvaluationImported']);
    expect(await typesOf(steps[1].stream)).toEqual(['EvaluationImported']);
    expect(await typesOf('import-nerima-k')).toEqual(['ImportStarted', 'ImportStepsRecorded', 'ImportCompleted']);
  });

  it('decides a step again when its stream was written since, and lists what the rules now refuse', async () => {
    const steps = [importStep('P1'), importStep('P2')];
    await recordOnly(steps);
    const submit: EvaluationCommand = {
      type: 'SubmitActual',
      data: { actual: { kind: 'project', text: '課の報告' } },
      context: context(section, 'P1'),
    };
    const submitted = decideStep({ kind: 'evaluation', command: submit }, []);
    await store.append(
      steps[0].stream,
      submitted.map((e, i) => ({
        id: `00000000-0000-4000-8000-00000000000${i}`,
        type: e.type,
        data: e.data,
        metadata,
      })),
      { expectedRevision: 'no_stream' },
    );
    const outcome = await batches.finish('import-nerima-k');
    expect(outcome.conflicts).toEqual([expect.objectContaining({ stream: steps[0].stream, code: 'INVALID_STATUS' })]);
    expect(await typesOf(steps[0].stream)).toEqual(['ActualSubmitted']);
    expect(await typesOf(steps[1].stream)).toEqual(['EvaluationImported']);
  });

  it('abandons a batch whose steps were not all recorded, changing nothing', async () => {
    await store.append(
      'import-nerima-k',
      [
        {
          id: eventIdFor('s', 'import-nerima-k', 0),
          type: 'ImportStarted',
          data: {
            wardId: 'nerima',
            ...summary(['P1']),
            run: 1,
            actor: planner,
            chunks: 2,
            startedAt: metadata.recordedAt,
          },
          metadata,
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    const outcome = await batches.finish('import-nerima-k');
    expect(outcome.abandoned).toBe(true);
    expect(await typesOf('import-nerima-k')).toEqual(['ImportStarted', 'ImportAbandoned']);
    expect(await typesOf(evaluationStream(ref('P1')))).toEqual([]);
  });

  /** The batch recorded on the import stream and opened in the journal, as if the API died right after. */
  async function recordOnly(steps: BatchStep[]) {
    const { decideImportRun, initialImportStream } = await import('@pdca/importing');
    const events = decideImportRun(
      {
        type: 'StartImport',
        data: { summary: summary(steps.map((s) => s.stream.split('-').pop()!)), steps },
        context: { actor: planner, wardId: 'nerima', now: metadata.recordedAt },
      },
      initialImportStream(),
    );
    await store.append(
      'import-journal',
      [
        {
          id: eventIdFor('k-1:journal', 'import-journal', 0),
          type: 'ImportBatchOpened',
          data: { wardId: 'nerima', stream: 'import-nerima-k', importId: 'k-1', batch: 'import' },
          metadata,
        },
      ],
      { expectedRevision: 'any' },
    );
    await store.append(
      'import-nerima-k',
      events.map((e, i) => ({
        id: eventIdFor('k-1:record', 'import-nerima-k', i),
        type: e.type,
        data: e.data,
        metadata,
      })),
      { expectedRevision: 'no_stream' },
    );
  }
});
