import { Inject, Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { CLOCK } from '@pdca/kernel';
import type { Clock } from '@pdca/kernel';
import { Environment } from '@pdca/platform';
import type { ItemView, WardModel } from '@pdca/projections';
import { MissingItem, reminderIdOf, ReminderKind, ReminderOccasion } from '@pdca/reminders';
import { ReminderMailer } from '../mail/reminder-mailer.service';
import type { OccasionJobData } from '../queue/reminder-jobs';
import { composeReminder, recipientsOf } from './compose-reminder';
import { ReminderRecorder, SectionLedger } from './reminder-recorder';

/** What is recorded of a send the SMTP server accepted. */
export interface SentNote {
  messageId: string;
  sentAt: string;
  kind: ReminderKind;
  escalated: boolean;
  missing: MissingItem[];
}

export type SectionOutcome =
  | { outcome: 'sent'; messageId: string }
  | { outcome: 'not_scheduled' | 'superseded' | 'nothing_missing' | 'already_recorded' }
  /** final: recorded in the ledger as ReminderFailed; else the job's next try sends it. noAddress: nobody to send to. */
  | { outcome: 'failed'; error: string; final: boolean; noAddress?: true };

/** One try of a group job, shared by its sections: the occasion is judged once for all of them. */
export interface SendTry {
  job: OccasionJobData;
  ward: WardModel;
  occasion: ReminderOccasion;
  note?: string;
  owing: Map<string, ItemView[]>;
  /** The try's number (from 1), and whether it is the last one: then a failure is recorded. */
  attempt: number;
  last: boolean;
}

/**
 * One section's reminder: already in the ledger? still owing? — then compose, send, record. The
 * ledger is read right before the send, so a reminder id recorded as sent (or finally failed) is
 * never sent again, whichever worker or try recorded it.
 */
@Injectable()
export class SectionSend {
  constructor(
    private readonly recorder: ReminderRecorder,
    private readonly mailer: ReminderMailer,
    private readonly environment: Environment,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(at: SendTry, sectionId: string): Promise<SectionOutcome> {
    const reminderId = reminderIdOf(at.job.occasionId, sectionId);
    const ledger = await this.recorder.ledgerOf({ ...at.job, sectionId });
    if (this.recorder.outcome(ledger, reminderId)) return { outcome: 'already_recorded' };
    const items = at.owing.get(sectionId) ?? [];
    if (items.length === 0) return { outcome: 'nothing_missing' };
    const cycle = at.ward.cycles.get(at.job.fiscalYear)?.cycle;
    const letter = composeReminder({
      reminderId,
      occasion: at.occasion,
      note: at.note,
      deadline: cycle && cycle.status !== 'not_opened' ? cycle.deadline : '',
      section: at.ward.catalogue.sections[sectionId],
      sectionId,
      items,
      publicBaseUrl: this.environment.PUBLIC_BASE_URL,
      planningOfficeEmail: this.environment.PLANNING_OFFICE_EMAIL,
      mailDomain: this.mailer.domain,
    });
    const base = {
      kind: at.occasion.kind,
      escalated: at.occasion.escalated,
      missing: items.map(({ kind, itemId, name }) => ({ kind, itemId, name })),
    };
    if (!letter) {
      const error = new UnrecoverableError('the section has no e-mail address in the catalogue');
      return this.fail({ ...at, last: true }, sectionId, base, [], error, ledger);
    }
    try {
      await this.mailer.send(letter.mail);
    } catch (error) {
      return this.fail(at, sectionId, base, letter.recipients, error as Error, ledger);
    }
    const sent: SentNote = { ...base, messageId: letter.mail.messageId, sentAt: this.clock.now().toISOString() };
    return this.recordSent(at.job, at.ward, sectionId, sent, ledger);
  }

  /** Straight after the server's 250: the ledger is the note that keeps a retry from sending it again. */
  async recordSent(
    job: OccasionJobData,
    ward: WardModel,
    sectionId: string,
    sent: SentNote,
    ledger?: SectionLedger,
  ): Promise<SectionOutcome> {
    const section = ward.catalogue.sections[sectionId];
    const { to, cc } = recipientsOf(section, sent.escalated, this.environment.PLANNING_OFFICE_EMAIL);
    const { wardId, fiscalYear, occasionId } = job;
    const reminderId = reminderIdOf(occasionId, sectionId);
    await this.recorder.record(
      {
        type: 'RecordReminderSent',
        data: { reminderId, occasionId, wardId, fiscalYear, sectionId, recipients: [...to, ...cc], ...sent },
      },
      ledger,
    );
    return { outcome: 'sent', messageId: sent.messageId };
  }

  /** Every try but the last is the job's to repeat (with backoff); the last one is recorded as ReminderFailed. */
  private async fail(
    at: SendTry,
    sectionId: string,
    base: Omit<SentNote, 'messageId' | 'sentAt'>,
    recipients: string[],
    error: Error,
    ledger: SectionLedger,
  ): Promise<SectionOutcome> {
    if (!at.last) return { outcome: 'failed', error: error.message, final: false };
    const { wardId, fiscalYear, occasionId } = at.job;
    await this.recorder.record(
      {
        type: 'RecordReminderFailed',
        data: {
          reminderId: reminderIdOf(occasionId, sectionId),
          occasionId,
          wardId,
          fiscalYear,
          sectionId,
          recipients,
          ...base,
          failedAt: this.clock.now().toISOString(),
          error: error.message,
          attempts: at.attempt,
        },
      },
      ledger,
    );
    return {
      outcome: 'failed',
      error: error.message,
      final: true,
      ...(recipients.length === 0 ? { noAddress: true } : {}),
    };
  }
}
