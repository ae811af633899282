import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore, PerStreamQueue } from '@pdca/event-store';
import {
  currentRun,
  decideImport,
  decideReversion,
  importNotFound,
  importStream,
  parseImport,
  planImport,
  runOf,
  summariseErrors,
} from '@pdca/importing';
import type {
  ImportDecision,
  ImportFile,
  ImportPreview,
  ImportRun,
  ImportSummary,
  ParsedImport,
} from '@pdca/importing';
import { CLOCK, invalid, ruleViolation } from '@pdca/kernel';
import type { Actor, Clock } from '@pdca/kernel';
import { catalogueStream } from '../catalogue/catalogue-commands';
import type { CommandRequest } from '../commands/command-request';
import { CommandRunner } from '../commands/command-runner.service';
import { CycleReader } from '../cycles/cycle-reader.service';
import { ProjectionsService } from '../projections/projections.service';
import { BatchOutcome, ImportBatches } from './import-batches';
import { describeFile, filesKey, streamKeyOf } from './import-files';
import { closeInJournal, JournalEntry, openBatches } from './import-journal';
import { ImportListEntry, listImports } from './import-list';
import { ImportStatesReader } from './import-states.reader';

/** Changes listed one by one in an answer; `changesTotal` counts them all. */
const LISTED_CHANGES = 1_000;

/**
 * Preview and confirm decide with one pure function (`decideImport`) on the states read from the
 * streams; the confirm then runs the decided steps as one batch (see ImportBatches). Imports of a
 * ward run one at a time. The import's identity is its files: a retry with any key, or none, finds
 * the same import and finishes it or answers that it is done.
 */
@Injectable()
export class ImportService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Imports');
  private readonly queue = new PerStreamQueue();
  private readonly batches: ImportBatches;
  private readonly states: ImportStatesReader;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    cycles: CycleReader,
    private readonly projections: ProjectionsService,
    runner: CommandRunner,
  ) {
    this.batches = new ImportBatches(store, clock, runner.pipeline);
    this.states = new ImportStatesReader(store, cycles);
  }

  /** Finishes what a crash interrupted, before the API answers anyone (the read models hide it until then). */
  async onApplicationBootstrap(): Promise<void> {
    for (const entry of await openBatches(this.store)) {
      const outcome = await this.batches.finish(entry.stream);
      if (outcome.position === 0) await this.closeStaleEntry(entry);
      this.logger.log({
        msg: 'interrupted import finished',
        ...entry,
        abandoned: outcome.abandoned,
        conflicts: outcome.conflicts.length,
      });
    }
  }

  /** The batch was closed (or never started) before the crash, only its journal line was not. */
  private async closeStaleEntry(entry: JournalEntry): Promise<void> {
    const run = runOf((await this.batches.read(entry.stream)).state, entry.importId);
    const done =
      entry.batch === 'import' ? run !== undefined && run.status !== 'abandoned' : run?.status === 'reverted';
    const metadata = {
      actor: 'import-recovery',
      role: 'system',
      correlationId: randomUUID(),
      causationId: `${entry.importId}:${entry.batch}:journal`,
      recordedAt: this.clock.now().toISOString(),
    };
    await closeInJournal(this.store, { ...entry, outcome: done ? 'completed' : 'abandoned' }, metadata);
  }

  list(wardId: string): Promise<ImportListEntry[]> {
    return listImports(this.store, wardId);
  }

  async preview(wardId: string, actor: Actor, files: ImportFile[]) {
    const parsed = await parse(files);
    const { state } = await this.batches.read(importStream(wardId, filesKey(wardId, files)));
    const decision = await this.decide(wardId, actor, parsed, nextImportId(filesKey(wardId, files), currentRun(state)));
    return describeDecision(decision);
  }

  async confirm(wardId: string, request: CommandRequest, files: ImportFile[]) {
    const parsed = await parse(files);
    const key = filesKey(wardId, files);
    const stream = importStream(wardId, key);
    return this.queue.run(`imports-${wardId}`, async () => {
      await this.batches.finish(stream, request); // a retry first finishes what a crash interrupted
      const last = currentRun((await this.batches.read(stream)).state);
      const decision = await this.decide(wardId, request.actor, parsed, nextImportId(key, last));
      if (!decision.valid) {
        const summary = summariseErrors(decision.errors);
        throw ruleViolation(
          'IMPORT_INVALID',
          `取込みファイルに${summary.errorCount}件の誤りがあるため、何も取り込んでいません。`,
          `The files have ${summary.errorCount} errors; nothing was imported.`,
          { ...summary },
        );
      }
      if (decision.steps.length === 0)
        return {
          ...describeDecision(decision),
          importId: last?.summary.importId,
          replayed: last !== undefined,
          nothingToImport: true,
        };
      const summary: ImportSummary = {
        importId: nextImportId(key, last),
        files: files.map(describeFile),
        catalogueCommands: decision.catalogueCommands,
        records: decision.records,
      };
      const context = { actor: request.actor, wardId, now: this.clock.now().toISOString() };
      const outcome = await this.batches.start(
        stream,
        { type: 'StartImport', data: { summary, steps: decision.steps }, context },
        request,
      );
      return { ...describeDecision(decision), ...summary, ...(await this.settled(outcome)), replayed: false };
    });
  }

  async revert(wardId: string, importId: string, request: CommandRequest, reason: string) {
    const stream = importStream(wardId, streamKeyOf(importId));
    return this.queue.run(`imports-${wardId}`, async () => {
      await this.batches.finish(stream, request);
      const run = runOf((await this.batches.read(stream)).state, importId);
      if (!run || run.status === 'abandoned') throw importNotFound(importId);
      if (run.status === 'reverted')
        return { importId, reverted: true, replayed: true, position: 0, projected: true, conflicts: [] };
      const now = this.clock.now().toISOString();
      const history = await this.states.catalogueHistory(catalogueStream(wardId));
      const states = await this.states.cyclesAndItems(wardId, run.summary.records);
      const steps = decideReversion(history, states, {
        importId,
        records: run.summary.records,
        actor: request.actor,
        reason,
        now,
        catalogueStream: catalogueStream(wardId),
      });
      const outcome = await this.batches.start(
        stream,
        { type: 'StartReversion', data: { importId, reason, steps }, context: { actor: request.actor, wardId, now } },
        request,
      );
      return { importId, reverted: true, replayed: false, ...(await this.settled(outcome)) };
    });
  }

  /** Read-your-writes: the answer waits (bounded) until the read models show the whole batch. */
  private async settled(outcome: BatchOutcome) {
    const projected = outcome.position === 0 || (await this.projections.waitFor(outcome.position));
    return { position: outcome.position, projected, conflicts: outcome.conflicts };
  }

  private async decide(wardId: string, actor: Actor, parsed: ParsedImport, importId: string): Promise<ImportDecision> {
    const stream = catalogueStream(wardId);
    const catalogue = await this.states.catalogue(stream);
    const refs = planImport(parsed, structuredClone(catalogue.state), { wardId, actor }).records.map((r) => r.item);
    const { cycles, items } = await this.states.cyclesAndItems(wardId, refs);
    return decideImport(
      parsed,
      { catalogue, cycles, items },
      { wardId, actor, now: this.clock.now().toISOString(), importId, catalogueStream: stream },
    );
  }
}

async function parse(files: ImportFile[]): Promise<ParsedImport> {
  if (files.length === 0)
    throw invalid('IMPORT_NO_FILES', 'ファイルが選択されていません。', 'No file was given.', { field: 'files' });
  return parseImport(files);
}

/** Runs are numbered per set of files: the same files imported again after a reversion are the next run. */
const nextImportId = (key: string, last: ImportRun | undefined) => `${key}-${(last?.run ?? 0) + 1}`;

/** A bounded answer: errors summarised per column with the first rows named, changes capped. */
function describeDecision(decision: ImportDecision) {
  const { preview } = decision;
  const bounded: ImportPreview & { changesTotal: number } = {
    ...preview,
    changes: preview.changes.slice(0, LISTED_CHANGES),
    changesTotal: preview.changes.length,
  };
  return {
    valid: decision.valid,
    ...summariseErrors(decision.errors),
    catalogueCommands: decision.catalogueCommands,
    records: decision.records,
    recordsSkipped: decision.recordsSkipped,
    recordsUnchanged: decision.recordsUnchanged,
    preview: bounded,
  };
}
