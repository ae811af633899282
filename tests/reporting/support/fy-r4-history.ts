import { metadataFor } from '@pdca/event-store';
import type { CommandEnvelope, RecordedEvent } from '@pdca/event-store';
import type { Clock, DomainEvent } from '@pdca/kernel';
import { emptyReadModels, projectEvent, wardOf } from '@pdca/projections';
import type { EventSink } from '../../bench/support/event-sink';
import { FY_R4, NERIMA, writeNerimaReference } from '../../bench/support/nerima-reference';

/** Keeps the recorded events as well as projecting them: provenance reads both. */
class RecordingSink implements EventSink {
  readonly models = emptyReadModels();
  readonly events: RecordedEvent[] = [];
  private readonly revisions = new Map<string, number>();

  append(
    stream: string,
    events: readonly DomainEvent[],
    envelope: Omit<CommandEnvelope, 'commandId' | 'correlationId'>,
    clock: Clock,
  ): void {
    const commandId = `fixture-${this.events.length + 1}`;
    const metadata = metadataFor({ ...envelope, commandId, correlationId: commandId }, clock);
    let revision = this.revisions.get(stream) ?? -1;
    for (const event of events) {
      const recorded: RecordedEvent = {
        id: `${commandId}-${revision + 1}`,
        stream,
        revision: ++revision,
        position: this.events.length + 1,
        type: event.type,
        data: event.data,
        metadata,
      };
      this.events.push(recorded);
      projectEvent(this.models, recorded);
    }
    this.revisions.set(stream, revision);
  }
}

/** The FY R4 reference (seed 002, 383 projects) as history: every project submitted by its section and approved by the council. */
export async function fyR4History() {
  const sink = new RecordingSink();
  await writeNerimaReference(sink);
  return { ward: wardOf(sink.models, NERIMA), events: sink.events, wardId: NERIMA, fiscalYear: FY_R4 };
}
