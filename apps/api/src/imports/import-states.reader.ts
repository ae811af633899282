import { catalogueDecider } from '@pdca/catalogue';
import type { CatalogueEvent, CatalogueState } from '@pdca/catalogue';
import { EventStore, readFolded, RecordedEvent, toDomainEvent } from '@pdca/event-store';
import type { CatalogueHistory, ImportStates, Revisioned } from '@pdca/importing';
import { evaluationDecider, evaluationStream } from '@pdca/review';
import type { CycleState, EvaluationEvent, EvaluationState, ItemRef } from '@pdca/review';
import type { CycleReader } from '../cycles/cycle-reader.service';

/** Streams read at once while gathering the item states of an import. */
const PARALLEL_READS = 32;

/**
 * Reads what an import is decided on from the streams themselves, never from the read models:
 * those hide a batch until it completes and may lag, the streams are what the appends check.
 */
export class ImportStatesReader {
  constructor(
    private readonly store: EventStore,
    private readonly cycles: CycleReader,
  ) {}

  async catalogue(stream: string): Promise<Revisioned<CatalogueState>> {
    const { state, revision } = await readFolded<CatalogueState, CatalogueEvent>(this.store, stream, catalogueDecider);
    return { state, revision };
  }

  /** The catalogue's events with the import that appended each (older imports named it in the causation id). */
  async catalogueHistory(stream: string): Promise<CatalogueHistory> {
    const recorded = await this.store.readStream(stream);
    return {
      events: recorded.map((e) => ({ event: toDomainEvent<CatalogueEvent>(e), importId: importIdOf(e) })),
      revision: recorded.length - 1,
    };
  }

  async cyclesAndItems(wardId: string, refs: ItemRef[]): Promise<Pick<ImportStates, 'cycles' | 'items'>> {
    const cycles = new Map<number, CycleState>();
    for (const fiscalYear of new Set(refs.map((r) => r.fiscalYear)))
      cycles.set(fiscalYear, await this.cycles.current(wardId, fiscalYear));
    const items = new Map<string, Revisioned<EvaluationState>>();
    const streams = [...new Set(refs.map(evaluationStream))];
    for (let i = 0; i < streams.length; i += PARALLEL_READS) {
      const page = streams.slice(i, i + PARALLEL_READS);
      const read = await Promise.all(
        page.map((stream) => readFolded<EvaluationState, EvaluationEvent>(this.store, stream, evaluationDecider)),
      );
      page.forEach((stream, j) => items.set(stream, { state: read[j].state, revision: read[j].revision }));
    }
    return { cycles, items };
  }
}

function importIdOf(event: RecordedEvent): string | undefined {
  if (typeof event.metadata.importId === 'string') return event.metadata.importId;
  const legacy = /^([0-9a-f]{16}):catalogue$/.exec(String(event.metadata.causationId));
  return legacy?.[1];
}
