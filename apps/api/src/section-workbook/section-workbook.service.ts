import { Inject, Injectable } from '@nestjs/common';
import { StaleRevisionError } from '@pdca/event-store';
import { buildSectionWorkbook, LISTED_ERRORS, summariseErrors } from '@pdca/importing';
import type { PlannedRow, RowError, WorkbookFile } from '@pdca/importing';
import { CLOCK, Clock, conflict, DomainError, invalid, notFound, ruleViolation, warekiFiscalYear } from '@pdca/kernel';
import type { Actor } from '@pdca/kernel';
import type { ItemRef } from '@pdca/review';
import type { CommandRequest } from '../commands/command-request';
import { CycleReader } from '../cycles/cycle-reader.service';
import { ItemCommands } from '../evaluations/item-commands';
import { ProjectionsService } from '../projections/projections.service';
import { workbookData } from './workbook-data';
import { WorkbookPlanner } from './workbook-planner.service';
import type { DecidedWorkbook, WorkbookTarget } from './workbook-planner.service';

export interface AppliedRow {
  sheet: string;
  row: number;
  kind: string;
  itemId: string;
  outcome: string;
  revision?: number;
  position?: number;
  replayed?: boolean;
  error?: { code: string; message: { ja: string; en: string } };
}

/** The section's Excel round trip: download its items, preview an upload row by row, confirm it. */
@Injectable()
export class SectionWorkbookService {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly items: ItemCommands,
    private readonly cycles: CycleReader,
    private readonly projections: ProjectionsService,
    private readonly planner: WorkbookPlanner,
  ) {}

  async download(target: WorkbookTarget): Promise<{ file: Buffer; fileName: string; asciiName: string }> {
    const cycle = await this.cycles.opened(target.wardId, target.fiscalYear);
    const ward = this.projections.ward(target.wardId);
    const section = Object.hasOwn(ward.catalogue.sections, target.sectionId)
      ? ward.catalogue.sections[target.sectionId]
      : undefined;
    if (!section)
      throw notFound(
        'SECTION_NOT_FOUND',
        `事業実施課「${target.sectionId}」は登録されていません。`,
        `No section ${target.sectionId}.`,
        { field: 'sectionId' },
      );
    const file = await buildSectionWorkbook(workbookData(ward, cycle, target.sectionId, this.clock.now()));
    return {
      file,
      fileName: `${warekiFiscalYear(target.fiscalYear)}_${section.name}_実績入力.xlsx`,
      asciiName: `workbook-${target.fiscalYear}-${target.sectionId}.xlsx`,
    };
  }

  /**
   * The planning office may check a section's file for it: the rows are decided as that section's
   * staff would send them (only the section itself can confirm).
   */
  async preview(target: WorkbookTarget, actor: Actor, file: WorkbookFile) {
    const decider: Actor =
      actor.role === 'section_staff' ? actor : { ...actor, role: 'section_staff', sectionId: target.sectionId };
    const decided = await this.planner.decide(target, decider, file);
    return { ...this.describe(target, file, decided), decidedAs: { role: decider.role, sectionId: decider.sectionId } };
  }

  /**
   * Re-decides the file, then runs each row's command through the command pipeline on its own
   * item stream, on top of the revision it was decided on. Each row's command id derives from the
   * Idempotency-Key: a retry replays the rows already written and runs only the rest.
   */
  async confirm(target: WorkbookTarget, request: CommandRequest, file: WorkbookFile) {
    const commandIdOf = (ref: ItemRef) => `${request.commandId}:workbook:${ref.kind}:${ref.itemId}`;
    const decided = await this.planner.decide(target, request.actor, file, commandIdOf);
    assertSameUpload(decided, request);
    const described = this.describe(target, file, decided);
    if (!decided.plan.valid) {
      throw ruleViolation(
        'WORKBOOK_INVALID',
        `ファイルに${decided.plan.errorCount}件の誤りがあるため、何も保存していません。`,
        `The file has ${decided.plan.errorCount} errors; nothing was saved.`,
        {
          field: 'file',
          errorCount: described.errorCount,
          errorsByColumn: described.errorsByColumn,
          fileErrors: described.fileErrors,
          rows: described.rows.filter((row) => row.errorCount > 0),
        },
      );
    }
    const applied: AppliedRow[] = [];
    for (const row of decided.plan.rows) applied.push(await this.apply(target, row, request, commandIdOf, decided));
    const failed = applied.filter((row) => row.error);
    if (failed.length > 0) {
      // Only a change between this request's decision and its append gets here (another user, a close): never overwritten.
      throw conflict(
        'WORKBOOK_PARTIALLY_APPLIED',
        `${failed.length}行は確認の後に他の操作で状態が変わったため保存できませんでした（理由は行ごとに示します）。ほかの行は保存済みです。内容を確認して、新しいファイルとしてアップロードしてください。`,
        `${failed.length} rows changed after they were checked and were not saved (each row says why); the other rows were. Check them and upload again as a new file.`,
        { field: 'file', rows: applied },
      );
    }
    return {
      ...described,
      rows: described.rows.map((row, i) => ({ ...row, ...applied[i] })),
      position: Math.max(0, ...applied.map((row) => row.position ?? 0)),
    };
  }

  private async apply(
    target: WorkbookTarget,
    row: PlannedRow,
    request: CommandRequest,
    commandIdOf: (ref: ItemRef) => string,
    decided: DecidedWorkbook,
  ): Promise<AppliedRow> {
    const base = { sheet: row.sheet, row: row.row, kind: row.kind, itemId: row.itemId, outcome: row.outcome };
    if (!row.command) return base;
    const ref: ItemRef = { wardId: target.wardId, fiscalYear: target.fiscalYear, kind: row.kind, itemId: row.itemId };
    const step: CommandRequest = {
      ...request,
      commandId: commandIdOf(ref),
      expectedRevision: decided.revisions.get(`${row.kind}:${row.itemId}`),
    };
    try {
      const outcome = await this.items.run(ref, row.command, step);
      return { ...base, revision: outcome.revision, position: outcome.position, replayed: outcome.replayed };
    } catch (error) {
      const known = error instanceof DomainError ? error : error instanceof StaleRevisionError ? staleRow() : undefined;
      if (!known) throw error;
      return { ...base, error: { code: known.code, message: { ja: known.messageJa, en: known.messageEn } } };
    }
  }

  /**
   * Bounded however bad the file: at most LISTED_ERRORS errors (and as many warnings) are listed on
   * their rows, every error is counted per sheet, column and code with its first rows named.
   */
  private describe(target: WorkbookTarget, file: WorkbookFile, { plan, format, encoding }: DecidedWorkbook) {
    const budget = { errors: LISTED_ERRORS - plan.fileErrors.length, warnings: LISTED_ERRORS };
    const take = (list: RowError[], kind: 'errors' | 'warnings') => {
      const listed = list.slice(0, Math.max(0, budget[kind]));
      budget[kind] -= listed.length;
      return listed.map(apiError);
    };
    const rows = plan.rows.map(({ command: _command, ...row }) => ({
      ...row,
      errorCount: row.errors.length,
      errors: take(row.errors, 'errors'),
      warnings: take(row.warnings, 'warnings'),
    }));
    const all = [...plan.fileErrors, ...plan.rows.flatMap((row) => row.errors)];
    return {
      fiscalYear: target.fiscalYear,
      sectionId: target.sectionId,
      file: { name: file.name, format, ...(encoding ? { encoding } : {}) },
      valid: plan.valid,
      counts: plan.counts,
      errorCount: plan.errorCount,
      errorsListed: all.length <= LISTED_ERRORS,
      errorsByColumn: summariseErrors(all).errorsByColumn.map(({ table, messageJa, messageEn, ...entry }) => ({
        sheet: table,
        ...entry,
        message: { ja: messageJa, en: messageEn },
      })),
      fileErrors: plan.fileErrors.slice(0, LISTED_ERRORS).map(apiError),
      rows,
    };
  }
}

/** The row-error shape of the API: sheet, row, column, the value, and the reason in Japanese and English. */
function apiError(error: RowError) {
  return {
    sheet: error.table,
    row: error.row,
    column: error.column,
    ...(error.value ? { value: error.value } : {}),
    code: error.code,
    message: { ja: error.messageJa, en: error.messageEn },
  };
}

/**
 * The rows an earlier try of this key wrote carry that upload's fingerprint (endpoint and file
 * bytes): another file under the same key is refused, as for every command, rather than merged.
 */
function assertSameUpload(decided: DecidedWorkbook, request: CommandRequest): void {
  const fingerprint = (request as CommandRequest & { requestFingerprint?: string }).requestFingerprint;
  if (!fingerprint || [...decided.earlierFingerprints].every((earlier) => earlier === fingerprint)) return;
  throw ruleViolation(
    'IDEMPOTENCY_KEY_REUSED',
    'この Idempotency-Key は別のファイルで使用済みです。新しいアップロードには新しいキーを指定してください。',
    'This Idempotency-Key was already used with another file; use a new key for a new upload.',
    { field: 'Idempotency-Key' },
  );
}

const staleRow = () =>
  conflict('STALE_REVISION', 'プレビューの後に他の操作で更新されました。', 'The item changed after it was decided.');

export const fileRequired = () =>
  invalid(
    'WORKBOOK_FILE_REQUIRED',
    'ファイル（file）を選択してください。',
    'Attach the workbook as the multipart field "file".',
    { field: 'file' },
  );
