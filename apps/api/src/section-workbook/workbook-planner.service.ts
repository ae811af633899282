import { Inject, Injectable } from '@nestjs/common';
import { nothingPlanned } from '@pdca/catalogue';
import { EVENT_STORE, eventIdFor, EventStore, toDomainEvent } from '@pdca/event-store';
import { KIND_OF_SHEET, planSectionWorkbook, readSectionWorkbook } from '@pdca/importing';
import type { ItemLookup, WorkbookFile, WorkbookPlan } from '@pdca/importing';
import { CLOCK, Clock } from '@pdca/kernel';
import type { Actor } from '@pdca/kernel';
import { inScope } from '@pdca/projections';
import { evaluationStream, evolveEvaluation, initialEvaluation } from '@pdca/review';
import type { EvaluationEvent, ItemKind, ItemRef } from '@pdca/review';
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

  async decide(target: WorkbookTarget, actor: Actor, file: WorkbookFile, commandIdOf?: (ref: ItemRef) => string): Promise<DecidedWorkbook> {
    const cycle = await this.cycles.opened(target.wardId, target.fiscalYear);
    const read = await readSectionWorkbook(file, cycle.scheme);
    const catalogue = this.projections.ward(target.wardId).catalogue;
    const now = this.clock.now().toISOString();
    const lookups = new Map<string, ItemLookup>();
    const revisions = new Map<string, number>();
    const earlierFingerprints = new Set<string>();
    const known = read.rows
      .map((row) => ({ kind: KIND_OF_SHEET[row.sheet], itemId: row.itemId }))
      .filter(({ kind, itemId }) => {
        const problem = this.problemOf(target, cycle.scope, kind, itemId);
        if (problem) lookups.set(`${kind}:${itemId}`, { found: false, problem });
        return !problem;
      });
    for (let i = 0; i < known.length; i += READ_BATCH) {
      await Promise.all(known.slice(i, i + READ_BATCH).map(async ({ kind, itemId }) => {
        const ref: ItemRef = { wardId: target.wardId, fiscalYear: target.fiscalYear, kind, itemId };
        const { state, revision, applied, fingerprint } = await this.itemState(ref, commandIdOf?.(ref));
        if (fingerprint) earlierFingerprints.add(fingerprint);
        const entry = kind === 'project' ? catalogue.projects[itemId] : catalogue.kpis[itemId];
        const facts = {
          context: {
            actor, now,
            item: { ...ref, sectionId: entry.sectionId, ...this.ratedFacts(ref) },
            cycle: { status: cycle.status, scheme: cycle.scheme, deadline: cycle.deadline, bReasons: cycle.bReasons },
          },
          state, alreadyApplied: applied,
        };
        lookups.set(`${kind}:${itemId}`, { found: true, name: 'name' in entry ? entry.name : entry.indicator, facts });
        revisions.set(`${kind}:${itemId}`, revision);
      }));
    }
    const plan = planSectionWorkbook({ read, scheme: cycle.scheme, bReasons: cycle.bReasons, lookup: (kind, itemId) => lookups.get(`${kind}:${itemId}`) ?? { found: false, problem: 'unknown' } });
    return { plan, format: read.format, encoding: read.encoding, revisions, earlierFingerprints };
  }

  private problemOf(target: WorkbookTarget, scope: Parameters<typeof inScope>[0], kind: ItemKind, itemId: string) {
    const catalogue = this.projections.ward(target.wardId).catalogue;
    const entry = kind === 'project' ? catalogue.projects[itemId] : catalogue.kpis[itemId];
    if (!entry) return 'unknown' as const;
    if (!inScope(scope, kind, itemId)) return 'out_of_scope' as const;
    return entry.sectionId === target.sectionId ? undefined : ('other_section' as const);
  }

  /** The same catalogue facts EvaluateItemHandler gives decide. */
  private ratedFacts(ref: ItemRef) {
    const project = ref.kind === 'project' ? this.projections.ward(ref.wardId).catalogue.projects[ref.itemId] : undefined;
    if (!project) return { notSuitedForShortTermEvaluation: false, nothingPlanned: false };
    return { notSuitedForShortTermEvaluation: project.notSuitedForShortTermEvaluation, nothingPlanned: nothingPlanned(project, ref.fiscalYear) };
  }

  private async itemState(ref: ItemRef, commandId: string | undefined) {
    const stream = evaluationStream(ref);
    const recorded = await this.store.readStream(stream);
    const state = recorded.reduce((s, e) => evolveEvaluation(s, toDomainEvent<EvaluationEvent>(e)), initialEvaluation());
    const firstId = commandId ? eventIdFor(commandId, stream, 0) : undefined;
    const earlier = firstId === undefined ? undefined : recorded.find((e) => e.id === firstId);
    const fingerprint = (earlier?.metadata as { requestFingerprint?: unknown } | undefined)?.requestFingerprint;
    return { state, revision: recorded.length - 1, applied: earlier !== undefined, fingerprint: typeof fingerprint === 'string' ? fingerprint : undefined };
  }
}
