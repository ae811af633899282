import { Inject, Injectable } from '@nestjs/common';
import { CommandPipeline, EVENT_STORE, EventStore, FoldedStream, readFolded } from '@pdca/event-store';
import { CLOCK } from '@pdca/kernel';
import type { Clock } from '@pdca/kernel';
import {
  outcomeOf,
  REMINDER_WORKER,
  ReminderEvent,
  ReminderRecordCommand,
  reminderRecordDecider,
  reminderStream,
  SectionReminders,
} from '@pdca/reminders';

/** The section's stream as read: its state, revision and events (handed back to the pipeline on record). */
export type SectionLedger = FoldedStream<SectionReminders>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ATTEMPTS = 5;

/**
 * The ledger in the event store: one stream per section and cycle, one outcome per reminder id
 * (decided by the pure reminder-record decider), written through the command pipeline. The
 * command id is the reminder id, so even two racing writers store an outcome once.
 */
@Injectable()
export class ReminderRecorder {
  private readonly pipeline: CommandPipeline;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) clock: Clock,
  ) {
    this.pipeline = new CommandPipeline(store, clock);
  }

  /** The section's ledger as stored now. */
  ledgerOf(at: { wardId: string; fiscalYear: number; sectionId: string }): Promise<SectionLedger> {
    return readFolded<SectionReminders, ReminderEvent>(
      this.store,
      reminderStream(at.wardId, at.fiscalYear, at.sectionId),
      reminderRecordDecider,
    );
  }

  outcome(ledger: SectionLedger, reminderId: string) {
    return outcomeOf(ledger.state, reminderId);
  }

  /**
   * The e-mail may already be out: a short outage of the store is waited out here rather than by a
   * job retry (a conflict with another writer is the pipeline's: it decides again at once). `known`:
   * the ledger as read for the send's check, so the first try does not read it again.
   */
  async record(command: ReminderRecordCommand, known?: SectionLedger): Promise<void> {
    const { wardId, fiscalYear, sectionId, reminderId, occasionId } = command.data;
    const envelope = {
      commandId: `reminder:${reminderId}`,
      commandType: command.type,
      actor: { userId: REMINDER_WORKER.actor, role: REMINDER_WORKER.role, wardId },
      correlationId: occasionId,
    };
    const stream = reminderStream(wardId, fiscalYear, sectionId);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.pipeline.execute({
          stream,
          decider: reminderRecordDecider,
          command,
          envelope,
          known: attempt === 1 ? known : undefined,
        });
        return;
      } catch (error) {
        if (attempt >= ATTEMPTS) throw error;
        await sleep(100 * 2 ** attempt);
      }
    }
  }
}
