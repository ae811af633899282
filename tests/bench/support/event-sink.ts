import { metadataFor } from '@pdca/event-store';
import type { CommandEnvelope, RecordedEvent } from '@pdca/event-store';
import type { Clock, DomainEvent } from '@pdca/kernel';
import { emptyReadModels, projectEvent } from '@pdca/projections';

/** Where generated fixture events go: a SQLite file (FixtureWriter) or straight into read models. */
export interface EventSink {
  append(stream: string, events: readonly DomainEvent[], envelope: Omit<CommandEnvelope, 'commandId' | 'correlationId'>, clock: Clock): void;
}

/**
 * Projects generated events straight into read models, as recorded events with the metadata the API
 * would record but without a store (and so without hash chains): for data sets too large to store
 * within the bench's time budget, where only the read models are measured.
 */
export class ProjectingSink implements EventSink {
  readonly models = emptyReadModels();
  private readonly revisions = new Map<string, number>();
  private commands = 0;
  position = 0;

  append(stream: string, events: readonly DomainEvent[], envelope: Omit<CommandEnvelope, 'commandId' | 'correlationId'>, clock: Clock): void {
    const commandId = `fixture-${++this.commands}`;
    const metadata = metadataFor({ ...envelope, commandId, correlationId: commandId }, clock);
    let revision = this.revisions.get(stream) ?? -1;
    for (const event of events) {
      const recorded: RecordedEvent = { id: `${commandId}-${revision + 1}`, stream, revision: ++revision, position: ++this.position, type: event.type, data: event.data, metadata };
      projectEvent(this.models, recorded);
    }
    this.revisions.set(stream, revision);
  }
}
