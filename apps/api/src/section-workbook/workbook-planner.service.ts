import { Inject, Injectable } from '@nestjs/common';
import { nothingPlanned } from '@pdca/catalogue';
import { EVENT_STORE, EventStore, firstEventIdsFor, readFolded } from '@pdca/event-store';
import { KIND_OF_SHEET, planSectionWorkbook, readSectionWorkbook } from '@pdca/importing';
import type { ItemLookup, WorkbookFile, WorkbookPlan } from '@pdca/importing';
import { CLOCK, Clock } from '@pdca/kernel';
import type { Actor } from '@pdca/kernel';
import { inScope } from '@pdca/projections';
import { evaluationCycleOf, evaluationDecider, evaluationStream } from '@pdca/review';
import type { CycleState, EvaluationContext, EvaluationEvent, EvaluationState, ItemKind, ItemRef } from '@pdca/review';

type OpenedCycle = Exclude<CycleState, { status: 'not_opened' }>;
import { CycleReader } from '../cycles/cycle-reader.service';
import { ProjectionsService } from '../projections/projections.service';

export interface WorkbookTarget {
  wardId: string;
  fiscalYear: number;
  sectionId: string;
}

/** A plan plus what the confirm needs to run it exactly as decided. */
export interface DecidedWorkbook {
  plan: WorkbookPlan;
  format: 'xlsx' | 'csv';
  encoding?: string;
  /** Per row key (kind:itemId), the stream revision the row was decided on: the confirm appends only on top of it. */
  revisions: Map<string, number>;
  /** Request fingerprints recorded with the rows an earlier try of the same key wrote (where recorded). */
  earlierFingerprints: Set<string>;
}

/** Streams read at once; a section's file has tens of rows, the limit a thousand. */
const READ_BATCH = 25;

/**
 * Decides an uploaded workbook the way the command handler decides one command: cycle from its
 * stream, catalogue facts as the handler takes them, each item's state folded from its own stream.
 * `commandIdOf` names the row's command in a confirm, so rows an earlier try already wrote are recognised.
 */
@Injectable()
export class WorkbookPlanner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly cycles: CycleReader,
    private readonly projections: ProjectionsService,
  ) {}

  async decide(
    target: WorkbookTarget,
    actor: Actor,
    file: WorkbookFile,
    commandIdOf?: (ref: ItemRef) => string,
  ): Promise<DecidedWorkbook> {
    const cycle = await this.cycles.opened(target.wardId, target.fiscalYear);
    const read = await readSectionWorkbook(file, cycle.scheme);
    const found = await this.lookUp(
      target,
      cycle,
      read.rows.map((row) => `${KIND_OF_SHEET[row.sheet]}:${row.itemId}`),
      actor,
      commandIdOf,
    );
    const lookup = (kind: ItemKind, itemId: string): ItemLookup =>
      found.lookups.get(`${kind}:${itemId}`) ?? { found: false, problem: 'unknown' };
    const plan = planSectionWorkbook({ read, scheme: cycle.scheme, bReasons: cycle.bReasons, lookup });
    return {
      plan,
      format: read.format,
      encoding: read.encoding,
      revisions: found.revisions,
      earlierFingerprints: found.earlierFingerprints,
    };
  }

  /** Each distinct item of the file: why it cannot be in this section's file, or its facts from its stream. */
  private async lookUp(
    target: WorkbookTarget,
    cycle: OpenedCycle,
    keys: string[],
    actor: Actor,
    commandIdOf?: (ref: ItemRef) => string,
  ) {
    const lookups = new Map<string, ItemLookup>();
    const revisions = new Map<string, number>();
    const earlierFingerprints = new Set<string>();
    const refs = [...new Set(keys)].flatMap((key) => {
      const [kind, itemId] = key.split(/:(.*)/s) as [ItemKind, string];
      const problem = this.problemOf(target, cycle.scope, kind, itemId);
      if (problem) lookups.set(key, { found: false, problem });
      return problem ? [] : [{ wardId: target.wardId, fiscalYear: target.fiscalYear, kind, itemId }];
    });
    for (let i = 0; i < refs.length; i += READ_BATCH) {
      await Promise.all(
        refs.slice(i, i + READ_BATCH).map(async (ref) => {
          const { state, revision, applied, fingerprint } = await this.itemState(ref, commandIdOf?.(ref));
          if (fingerprint) earlierFingerprints.add(fingerprint);
          lookups.set(`${ref.kind}:${ref.itemId}`, {
            found: true,
            name: this.nameOf(ref),
            facts: { context: this.contextOf(ref, cycle, actor), state, alreadyApplied: applied },
          });
          revisions.set(`${ref.kind}:${ref.itemId}`, revision);
        }),
      );
    }
    return { lookups, revisions, earlierFingerprints };
  }

  /** Exactly what ItemCommands hands decide: actor, catalogue facts, the cycle from its stream, the time. */
  private contextOf(ref: ItemRef, cycle: OpenedCycle, actor: Actor): EvaluationContext {
    return {
      actor,
      now: this.clock.now().toISOString(),
      item: { ...ref, sectionId: this.entryOf(ref)!.sectionId, ...this.ratedFacts(ref) },
      cycle: evaluationCycleOf(cycle),
    };
  }

  /** Own properties only: an id such as "constructor" in an uploaded file is simply unknown. */
  private entryOf(ref: ItemRef) {
    const catalogue = this.projections.ward(ref.wardId).catalogue;
    const entries = ref.kind === 'project' ? catalogue.projects : catalogue.kpis;
    return Object.hasOwn(entries, ref.itemId) ? entries[ref.itemId] : undefined;
  }

  private nameOf(ref: ItemRef): string {
    const entry = this.entryOf(ref)!;
    return 'name' in entry ? entry.name : entry.indicator;
  }

  private problemOf(target: WorkbookTarget, scope: OpenedCycle['scope'], kind: ItemKind, itemId: string) {
    const entry = this.entryOf({ ...target, kind, itemId });
    if (!entry) return 'unknown' as const;
    if (!inScope(scope, kind, itemId)) return 'out_of_scope' as const;
    return entry.sectionId === target.sectionId ? undefined : ('other_section' as const);
  }

  /** The same catalogue facts ItemCommands gives decide. */
  private ratedFacts(ref: ItemRef) {
    const project =
      ref.kind === 'project' ? this.projections.ward(ref.wardId).catalogue.projects[ref.itemId] : undefined;
    if (!project) return { notSuitedForShortTermEvaluation: false, nothingPlanned: false };
    return {
      notSuitedForShortTermEvaluation: project.notSuitedForShortTermEvaluation,
      nothingPlanned: nothingPlanned(project, ref.fiscalYear),
    };
  }

  private async itemState(ref: ItemRef, commandId: string | undefined) {
    const stream = evaluationStream(ref);
    const { state, revision, recorded } = await readFolded<EvaluationState, EvaluationEvent>(
      this.store,
      stream,
      evaluationDecider,
    );
    const firstIds = commandId ? firstEventIdsFor(commandId, stream) : [];
    const earlier = recorded.find((e) => firstIds.includes(e.id));
    const fingerprint = (earlier?.metadata as { requestFingerprint?: unknown } | undefined)?.requestFingerprint;
    return {
      state,
      revision,
      applied: earlier !== undefined,
      fingerprint: typeof fingerprint === 'string' ? fingerprint : undefined,
    };
  }
}
