import { randomUUID } from 'node:crypto';
import {
  CommandPipeline,
  eventIdFor,
  EventStore,
  metadataFor,
  readFolded,
  RecordedEvent,
  WrongExpectedRevisionError,
} from '@pdca/event-store';
import { currentRun, decideImportRun, importDecider, stepDecider } from '@pdca/importing';
import type {
  BatchKind,
  BatchStep,
  ImportCommand,
  ImportEvent,
  ImportStreamState,
  StepConflict,
} from '@pdca/importing';
import { conflict, DomainError } from '@pdca/kernel';
import type { Actor, Clock } from '@pdca/kernel';
import { closeInJournal, openInJournal } from './import-journal';

export interface BatchRequest {
  actor: Actor;
  correlationId: string;
}

export interface BatchOutcome {
  /** Global position of the event that closed the batch (0 when there was nothing to close). */
  position: number;
  conflicts: StepConflict[];
  abandoned: boolean;
}

/**
 * Runs an import or a reversion as one batch: recorded whole on the import's own stream (opened in
 * the journal first, so a crash is found at start-up), applied step by step with event ids derived
 * from the batch (a replay after a crash writes nothing twice), then closed. Readers hide whatever
 * lies between the opening and the closing event, so nobody sees a batch half applied.
 */
export class ImportBatches {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    /** The process's one pipeline: steps queue behind the API's commands on the same streams. */
    private readonly pipeline: CommandPipeline,
  ) {}

  async read(stream: string): Promise<{ state: ImportStreamState; revision: number }> {
    const { state, revision } = await readFolded<ImportStreamState, ImportEvent>(this.store, stream, importDecider);
    return { state, revision };
  }

  /** Records a StartImport or StartReversion, then applies and closes it. */
  async start(
    stream: string,
    command: Extract<ImportCommand, { type: 'StartImport' | 'StartReversion' }>,
    request: BatchRequest,
  ): Promise<BatchOutcome> {
    const { state, revision } = await this.read(stream);
    const events = decideImportRun(command, state);
    if (events.length > 0) {
      const kind: BatchKind = command.type === 'StartImport' ? 'import' : 'reversion';
      const importId = command.type === 'StartImport' ? command.data.summary.importId : command.data.importId;
      const details =
        command.type === 'StartImport'
          ? {
              files: command.data.summary.files.map((f) => f.name),
              records: command.data.summary.records.length,
              catalogueCommands: command.data.summary.catalogueCommands,
            }
          : { reason: command.data.reason };
      const opened = {
        wardId: command.context.wardId,
        stream,
        importId,
        batch: kind,
        at: command.context.now,
        by: command.context.actor.userId,
        ...details,
      };
      await openInJournal(this.store, opened, this.metadata(request, `${batchId(kind, importId)}:journal`));
      await this.appendInOrder(stream, revision, events, `${batchId(kind, importId)}:record`, request);
    }
    return this.finish(stream, request);
  }

  /** Applies and closes the open batch of the stream's current run, if any; a batch not fully recorded is abandoned. */
  async finish(stream: string, request?: BatchRequest): Promise<BatchOutcome> {
    const { state, revision } = await this.read(stream);
    const run = currentRun(state);
    if (run?.status !== 'started' && run?.status !== 'reverting')
      return { position: 0, conflicts: [], abandoned: false };
    const kind: BatchKind = run.status === 'started' ? 'import' : 'reversion';
    const batch = run.status === 'started' ? run.batch : run.reversion;
    const { importId } = run.summary;
    const id = batchId(kind, importId);
    const as: BatchRequest = { actor: batch.actor, correlationId: request?.correlationId ?? randomUUID() };
    const context = { actor: batch.actor, wardId: batch.actor.wardId, now: this.clock.now().toISOString() };
    let close: ImportEvent[];
    const conflicts: StepConflict[] = [];
    if (batch.recordedChunks < batch.chunks) {
      close = decideImportRun(
        {
          type: 'AbandonBatch',
          data: { batch: kind, reason: 'not fully recorded before a crash; nothing of it was applied' },
          context,
        },
        state,
      );
    } else {
      for (const page of pagesOfDistinctStreams(batch.steps)) {
        const refused = await Promise.all(
          page.map(({ step, index }) => this.applyStep(`${id}:${index}`, importId, step, as)),
        );
        conflicts.push(...refused.filter((c): c is StepConflict => c !== undefined));
      }
      close = decideImportRun(
        { type: kind === 'import' ? 'CompleteImport' : 'CompleteReversion', data: { conflicts }, context },
        state,
      );
    }
    const position = await this.appendInOrder(stream, revision, close, `${id}:close`, as);
    const abandoned = batch.recordedChunks < batch.chunks;
    await closeInJournal(
      this.store,
      { wardId: context.wardId, stream, importId, batch: kind, outcome: abandoned ? 'abandoned' : 'completed' },
      this.metadata(as, `${id}:journal`),
    );
    return { position, conflicts, abandoned };
  }

  /**
   * Decides the step on its stream as it is now and appends it. On the revision the batch was
   * decided on this gives exactly the decided events; a stream someone wrote since is decided again
   * by the same rules, and a refusal is returned as a conflict instead of stopping the batch.
   */
  private async applyStep(
    stepId: string,
    importId: string,
    step: BatchStep,
    request: BatchRequest,
  ): Promise<StepConflict | undefined> {
    const envelope = { commandId: stepId, commandType: 'ImportBatch', ...request, metadata: { importId } };
    try {
      // A step applied before a crash replays (its event ids derive from the step): nothing is written twice.
      await this.pipeline.execute({
        stream: step.stream,
        decider: stepDecider(step.command),
        command: step.command,
        envelope,
      });
      return undefined;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { stream: step.stream, code: error.code, messageJa: error.messageJa, messageEn: error.messageEn };
    }
  }

  /**
   * One append per event: a recorded batch may be megabytes, EventStoreDB takes at most 1 MB per
   * append (so the run's own events are appended here, not by the command pipeline).
   */
  private async appendInOrder(
    stream: string,
    revision: number,
    events: ImportEvent[],
    commandId: string,
    request: BatchRequest,
  ): Promise<number> {
    let position = 0;
    for (const [i, event] of events.entries()) {
      const expected = revision + i;
      const metadata = this.metadata(request, commandId);
      try {
        const result = await this.store.append(
          stream,
          [{ id: eventIdFor(commandId, stream, i), type: event.type, data: event.data, metadata }],
          { expectedRevision: expected < 0 ? 'no_stream' : expected },
        );
        position = result.position;
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError) throw importBusy();
        throw error;
      }
    }
    return position;
  }

  private metadata(request: BatchRequest, commandId: string) {
    return metadataFor(
      { commandId, commandType: 'ImportBatch', actor: request.actor, correlationId: request.correlationId },
      this.clock,
    );
  }
}

/** Steps appended at once: SQLite commits the appends of one turn together, with one fsync. */
const PARALLEL_STEPS = 32;

/** Pages of steps in batch order, none writing the same stream twice, so a page may run in parallel. */
function pagesOfDistinctStreams(steps: BatchStep[]): Array<Array<{ step: BatchStep; index: number }>> {
  const pages: Array<Array<{ step: BatchStep; index: number }>> = [];
  let streams = new Set<string>();
  steps.forEach((step, index) => {
    if (pages.length === 0 || streams.has(step.stream) || pages[pages.length - 1].length >= PARALLEL_STEPS) {
      pages.push([]);
      streams = new Set();
    }
    pages[pages.length - 1].push({ step, index });
    streams.add(step.stream);
  });
  return pages;
}

export const batchId = (kind: BatchKind, importId: string) => (kind === 'import' ? importId : `${importId}:reversion`);

/** Another process is recording the same import right now. */
const importBusy = () =>
  conflict(
    'IMPORT_IN_PROGRESS',
    'この取込みは別の処理で実行中です。少し待ってから再度お試しください。',
    'This import is being applied by another request; retry shortly.',
  );

export type { RecordedEvent };
