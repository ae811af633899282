import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, eventIdFor, EventStore, toDomainEvent, WrongExpectedRevisionError } from '@pdca/event-store';
import { CLOCK } from '@pdca/kernel';
import type { Clock } from '@pdca/kernel';
import {
  decideReminderRecord, evolveSectionReminders, initialSectionReminders, outcomeOf, REMINDER_WORKER, ReminderEvent, ReminderRecordCommand,
  reminderStream, SectionReminders,
} from '@pdca/reminders';

export interface SectionLedger {
  state: SectionReminders;
  revision: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ATTEMPTS = 5;

/**
 * The ledger in the event store: one stream per section and cycle, one outcome per reminder id
 * (decided by the pure reminder-record decider). The event id derives from the reminder id, so
 * even two racing writers store it once.
 */
@Injectable()
export class ReminderRecorder {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, @Inject(CLOCK) private readonly clock: Clock) {}

  /** The section's ledger as stored now; hand it back to `record` to spare a second read. */
  ledgerOf(at: { wardId: string; fiscalYear: number; sectionId: string }): Promise<SectionLedger> {
    return this.read(reminderStream(at.wardId, at.fiscalYear, at.sectionId));
  }

  outcome(ledger: SectionLedger, reminderId: string) {
    return outcomeOf(ledger.state, reminderId);
  }

  /**
   * The e-mail may already be out: a short outage of the store is waited out here rather than by a
   * job retry. `known` is the ledger read before sending; if another writer moved the stream since,
   * the append's revision check refuses it and the next attempt reads afresh.
   */
  async record(command: ReminderRecordCommand, known?: SectionLedger): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.recordOnce(command, attempt === 1 ? known : undefined);
      } catch (error) {
        if (attempt >= ATTEMPTS) throw error;
        // Another writer moved the stream: decide again on what it wrote, at once.
        if (!(error instanceof WrongExpectedRevisionError)) await sleep(100 * 2 ** attempt);
      }
    }
  }

  private async recordOnce(command: ReminderRecordCommand, known?: SectionLedger): Promise<void> {
    const { wardId, fiscalYear, sectionId, reminderId, occasionId } = command.data;
    const stream = reminderStream(wardId, fiscalYear, sectionId);
    const { state, revision } = known ?? (await this.read(stream));
    const events = decideReminderRecord(command, state);
    if (events.length === 0) return;
    const metadata = {
      actor: REMINDER_WORKER.actor, role: REMINDER_WORKER.role, wardId, correlationId: occasionId, causationId: `reminder:${reminderId}`,
      commandType: command.type, recordedAt: this.clock.now().toISOString(),
    };
    const toAppend = events.map((event, i) => ({ id: eventIdFor(`reminder:${reminderId}`, stream, i), type: event.type, data: event.data, metadata }));
    await this.store.append(stream, toAppend, { expectedRevision: revision < 0 ? 'no_stream' : revision });
  }

  private async read(stream: string): Promise<SectionLedger> {
    const recorded = await this.store.readStream(stream);
    const state = recorded.reduce((s, e) => evolveSectionReminders(s, toDomainEvent<ReminderEvent>(e)), initialSectionReminders());
    return { state, revision: recorded.length - 1 };
  }
}
