import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { createHash } from 'node:crypto';
import { assertUntouchedSince, CatalogueEvent, compensationsFor, emptyCatalogue, evolveCatalogue } from '@pdca/catalogue';
import { EVENT_STORE, EventStore, toDomainEvent } from '@pdca/event-store';
import { importDecider, ImportFile, importStream, ImportSummary, parseImport, planImport } from '@pdca/importing';
import type { ImportedRecord } from '@pdca/importing';
import { invalid, notFound, ruleViolation } from '@pdca/kernel';
import type { Actor } from '@pdca/kernel';
import type { CatalogueChange } from '../catalogue/change-catalogue.command';
import { catalogueStream, ChangeCatalogueCommand } from '../catalogue/change-catalogue.command';
import type { CommandRequest } from '../commands/command-request';
import { CommandRunner } from '../commands/command-runner.service';
import { EvaluateItemCommand } from '../evaluations/evaluate-item.command';
import { ProjectionsService } from '../projections/projections.service';

export interface SkippedYear {
  fiscalYear: number;
  records: number;
  reason: { ja: string; en: string };
}

/**
 * Imports are planned (dry run) from the files and the current catalogue, then applied as one
 * attributed batch: the import's own stream first, then the catalogue batch, then each record.
 * Every step derives its event ids from the import id, so re-sending a confirmed import is a no-op
 * and a crash half-way is finished by sending it again.
 */
@Injectable()
export class ImportService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: CommandBus,
    private readonly runner: CommandRunner,
    private readonly projections: ProjectionsService,
  ) {}

  async preview(wardId: string, actor: Actor, files: ImportFile[]) {
    const plan = await this.plan(wardId, actor, files);
    return { ...plan, recordsSkipped: this.skippedYears(wardId, plan.records) };
  }

  async confirm(wardId: string, request: CommandRequest, files: ImportFile[]) {
    const plan = await this.plan(wardId, request.actor, files);
    if (!plan.valid) {
      throw ruleViolation('IMPORT_INVALID', `取込みファイルに${plan.errors.length}件の誤りがあるため、何も取り込んでいません。`, `The files have ${plan.errors.length} errors; nothing was imported.`, { errors: plan.errors });
    }
    const importId = createHash('sha256').update(request.commandId).digest('hex').slice(0, 16);
    const skipped = this.skippedYears(wardId, plan.records);
    const records = plan.records.filter((r) => !skipped.some((s) => s.fiscalYear === r.item.fiscalYear));
    const summary: ImportSummary = { importId, files: files.map(describeFile), catalogueCommands: plan.catalogueCommands.length, records: records.map((r) => r.item) };
    const now = this.runner.now().toISOString();
    await this.runner.run(importStream(wardId, importId), importDecider, { type: 'ConfirmImport', data: summary, context: { actor: request.actor, wardId, now } }, step(request, importId, 'confirm'));
    if (plan.catalogueCommands.length > 0) {
      const changes = plan.catalogueCommands.map(({ actor: _a, ...change }) => change as CatalogueChange);
      await this.commands.execute(new ChangeCatalogueCommand(wardId, changes, step(request, importId, 'catalogue'), 'ImportCatalogue'));
    }
    for (const record of records) await this.importRecord(record, importId, request);
    return { ...summary, recordsSkipped: skipped, preview: plan.preview };
  }

  async revert(wardId: string, importId: string, request: CommandRequest, reason: string) {
    const stream = importStream(wardId, importId);
    const state = (await this.store.readStream(stream)).map((e) => toDomainEvent(e)).reduce(importDecider.evolve as never, importDecider.initialState());
    if ((state as { status: string }).status === 'none') throw notFound('IMPORT_NOT_FOUND', `取込み「${importId}」はありません。`, `No import ${importId}.`);
    const { summary } = state as { summary: ImportSummary };
    await this.revertCatalogue(wardId, importId, request, reason);
    for (const item of summary.records) {
      await this.commands.execute(new EvaluateItemCommand(item, { type: 'RevertImportedEvaluation', data: { importId } }, step(request, importId, `revert:${item.kind}:${item.fiscalYear}:${item.itemId}`)));
    }
    const now = this.runner.now().toISOString();
    return this.runner.run(stream, importDecider, { type: 'RevertImport', data: { reason }, context: { actor: request.actor, wardId, now } }, step(request, importId, 'revert'));
  }

  private async revertCatalogue(wardId: string, importId: string, request: CommandRequest, reason: string): Promise<void> {
    const recorded = await this.store.readStream(catalogueStream(wardId));
    const causation = step(request, importId, 'catalogue').commandId;
    const first = recorded.findIndex((e) => e.metadata.causationId === causation);
    if (first < 0) return;
    const batch = recorded.filter((e) => e.metadata.causationId === causation);
    const lastRevision = batch[batch.length - 1].revision;
    const before = recorded.slice(0, first).map((e) => toDomainEvent<CatalogueEvent>(e)).reduce(evolveCatalogue, emptyCatalogue());
    const later = recorded.filter((e) => e.revision > lastRevision && !String(e.metadata.causationId).startsWith(`${importId}:`));
    assertUntouchedSince(batch.map((e) => toDomainEvent<CatalogueEvent>(e)), later.map((e) => toDomainEvent<CatalogueEvent>(e)));
    const compensations = compensationsFor(batch.map((e) => toDomainEvent<CatalogueEvent>(e)), before, request.actor, `取込み ${importId} の取消し: ${reason}`);
    if (compensations.length === 0) return;
    const changes = compensations.map(({ actor: _a, ...change }) => change as CatalogueChange);
    await this.commands.execute(new ChangeCatalogueCommand(wardId, changes, step(request, importId, 'revert:catalogue'), 'RevertImportedCatalogue'));
  }

  private importRecord(record: ImportedRecord, importId: string, request: CommandRequest) {
    const command = { type: 'ImportEvaluation' as const, data: { actual: record.actual, rating: record.rating, importId } };
    return this.commands.execute(new EvaluateItemCommand(record.item, command, step(request, importId, `record:${record.item.kind}:${record.item.fiscalYear}:${record.item.itemId}`)));
  }

  private async plan(wardId: string, actor: Actor, files: ImportFile[]) {
    if (files.length === 0) throw invalid('IMPORT_NO_FILES', 'ファイルが選択されていません。', 'No file was given.', { field: 'files' });
    return planImport(await parseImport(files), structuredClone(this.projections.ward(wardId).catalogue), { wardId, actor });
  }

  /** Records are imported into the fiscal year's cycle, which must be open or closed (not published). */
  private skippedYears(wardId: string, records: ImportedRecord[]): SkippedYear[] {
    const years = [...new Set(records.map((r) => r.item.fiscalYear))];
    return years.flatMap((fiscalYear) => {
      const cycle = this.projections.ward(wardId).cycles.get(fiscalYear)?.cycle;
      const count = records.filter((r) => r.item.fiscalYear === fiscalYear).length;
      if (!cycle || cycle.status === 'not_opened') return [{ fiscalYear, records: count, reason: { ja: `${fiscalYear}年度のサイクルが開始されていないため、実績・評価は取り込みません（計画体系のみ取り込みます）。`, en: `No cycle is open for FY${fiscalYear}: its results are not imported (the catalogue is).` } }];
      if (cycle.status === 'published') return [{ fiscalYear, records: count, reason: { ja: `${fiscalYear}年度は公表済みのため、実績・評価は取り込みません。`, en: `FY${fiscalYear} is published: its results are not imported.` } }];
      return [];
    });
  }
}

/** Each step of an import gets its own command id derived from the import: deterministic event ids. */
function step(request: CommandRequest, importId: string, name: string): CommandRequest {
  return { ...request, commandId: `${importId}:${name}`, expectedRevision: undefined };
}

function describeFile(file: ImportFile) {
  return { name: file.name, sha256: createHash('sha256').update(file.data).digest('hex'), bytes: file.data.byteLength };
}
