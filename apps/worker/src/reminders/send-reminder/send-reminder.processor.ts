import { Inject, Injectable, Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { CLOCK } from '@pdca/kernel';
import type { Clock } from '@pdca/kernel';
import { Environment } from '@pdca/platform';
import type { WardModel } from '@pdca/projections';
import { MissingItem, reminderIdOf, ReminderKind, ReminderOccasion } from '@pdca/reminders';
import { ReminderMailer } from '../mail/reminder-mailer.service';
import { judgeJob, postpone } from '../occasion-verdict';
import { OneOffRequests } from '../one-off/one-off-requests.service';
import { judgeOneOffJob } from '../one-off/one-off-verdict';
import { WorkerProjections } from '../projections/worker-projections.service';
import type { SendJobData } from '../queue/reminder-jobs';
import { composeReminder, recipientsOf } from './compose-reminder';
import { ReminderRecorder } from './reminder-recorder';

/**
 * Noted on the job right after the SMTP server accepted the message, so a retry records instead
 * of sending again. Item names are the published plan's; addresses are never kept in Redis.
 */
interface SentNote {
  messageId: string;
  sentAt: string;
  kind: ReminderKind;
  escalated: boolean;
  missing: MissingItem[];
}

export type SendResult =
  | { outcome: 'sent'; messageId: string }
  | { outcome: 'not_scheduled' | 'superseded' | 'nothing_missing' | 'already_recorded' };

/** Whether this section's reminder still stands, for a scheduled occasion or a one-off request alike. */
type SendVerdict =
  | { verdict: 'due'; occasion: ReminderOccasion; note?: string }
  | { verdict: 'not_yet'; occasion: ReminderOccasion }
  | { verdict: 'not_scheduled' | 'superseded' };

/**
 * One section's reminder: already in the ledger? still due? still owing? — then send, then record.
 * A reminder id recorded as sent (or finally failed) is never sent again. The gap left is a crash
 * after the SMTP server accepted the message and before the note on the job: the retry sends it
 * again, with the same Message-ID.
 */
@Injectable()
export class SendReminder {
  private readonly logger = new Logger('SendReminder');

  constructor(
    private readonly projections: WorkerProjections,
    private readonly recorder: ReminderRecorder,
    private readonly requests: OneOffRequests,
    private readonly mailer: ReminderMailer,
    private readonly environment: Environment,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(job: Job<SendJobData>, token?: string): Promise<SendResult> {
    await this.projections.catchUp();
    const reminderId = reminderIdOf(job.data.occasionId, job.data.sectionId);
    const ledger = await this.recorder.ledgerOf(job.data);
    if (this.recorder.outcome(ledger, reminderId)) return { outcome: 'already_recorded' };
    const ward = this.projections.ward(job.data.wardId);
    const noted = (job.progress as { sent?: SentNote } | undefined)?.sent;
    if (noted) return this.recordSent(job, ward, reminderId, noted);
    const now = this.clock.now();
    const judged = await this.judge(job.data, ward, now);
    if (judged.verdict === 'not_yet') return postpone(job, token, judged.occasion.at, this.clock);
    if (judged.verdict !== 'due') return { outcome: judged.verdict };
    const items = this.projections.outstanding(job.data.wardId, job.data.fiscalYear, now).get(job.data.sectionId) ?? [];
    if (items.length === 0) return { outcome: 'nothing_missing' };
    const sent = await this.send(job, ward, reminderId, judged, items);
    return this.recordSent(job, ward, reminderId, sent);
  }

  private async judge(data: SendJobData, ward: WardModel, now: Date): Promise<SendVerdict> {
    const { requestId } = data;
    if (!requestId) return judgeJob(ward, data, now);
    const judged = judgeOneOffJob(ward, data.fiscalYear, await this.requests.find({ ...data, requestId }), now);
    if (judged.verdict === 'not_scheduled') return judged;
    // Expiry is judged when the request fans out: a send retried past it finishes what was started,
    // so a last failure still reaches the ledger.
    return { verdict: 'due', occasion: judged.occasion, note: judged.request.note };
  }

  private async send(
    job: Job<SendJobData>,
    ward: WardModel,
    reminderId: string,
    { occasion, note }: { occasion: ReminderOccasion; note?: string },
    items: Parameters<typeof composeReminder>[0]['items'],
  ): Promise<SentNote> {
    const cycle = ward.cycles.get(job.data.fiscalYear)?.cycle;
    const letter = composeReminder({
      reminderId,
      occasion,
      note,
      deadline: cycle && cycle.status !== 'not_opened' ? cycle.deadline : '',
      section: ward.catalogue.sections[job.data.sectionId],
      sectionId: job.data.sectionId,
      items,
      publicBaseUrl: this.environment.PUBLIC_BASE_URL,
      planningOfficeEmail: this.environment.PLANNING_OFFICE_EMAIL,
      mailDomain: this.mailer.domain,
    });
    const base = {
      kind: occasion.kind,
      escalated: occasion.escalated,
      missing: items.map(({ kind, itemId, name }) => ({ kind, itemId, name })),
    };
    if (!letter)
      return this.fail(
        job,
        reminderId,
        base,
        [],
        new UnrecoverableError('the section has no e-mail address in the catalogue'),
      );
    try {
      await this.mailer.send(letter.mail);
    } catch (error) {
      return this.fail(job, reminderId, base, letter.recipients, error as Error);
    }
    const sent: SentNote = { ...base, messageId: letter.mail.messageId, sentAt: this.clock.now().toISOString() };
    await job
      .updateProgress({ sent })
      .catch((error) =>
        this.logger.warn({ msg: 'could not note the send on the job', reminderId, error: (error as Error).message }),
      );
    return sent;
  }

  private async recordSent(
    job: Job<SendJobData>,
    ward: WardModel,
    reminderId: string,
    sent: SentNote,
  ): Promise<SendResult> {
    const { to, cc } = recipientsOf(
      ward.catalogue.sections[job.data.sectionId],
      sent.escalated,
      this.environment.PLANNING_OFFICE_EMAIL,
    );
    const { wardId, fiscalYear, sectionId, occasionId } = job.data;
    await this.recorder.record({
      type: 'RecordReminderSent',
      data: { reminderId, occasionId, wardId, fiscalYear, sectionId, recipients: [...to, ...cc], ...sent },
    });
    this.logger.log({ msg: 'reminder sent', reminderId, messageId: sent.messageId, missing: sent.missing.length });
    return { outcome: 'sent', messageId: sent.messageId };
  }

  /** Every try but the last is retried by BullMQ with backoff; the last one is recorded as ReminderFailed. */
  private async fail(
    job: Job<SendJobData>,
    reminderId: string,
    base: Omit<SentNote, 'messageId' | 'sentAt'>,
    recipients: string[],
    error: Error,
  ): Promise<never> {
    const attempts = job.attemptsMade + 1;
    if (error instanceof UnrecoverableError || attempts >= (job.opts.attempts ?? 1)) {
      const { wardId, fiscalYear, sectionId, occasionId } = job.data;
      await this.recorder.record({
        type: 'RecordReminderFailed',
        data: {
          reminderId,
          occasionId,
          wardId,
          fiscalYear,
          sectionId,
          recipients,
          ...base,
          failedAt: this.clock.now().toISOString(),
          error: error.message,
          attempts,
        },
      });
      this.logger.error({ msg: 'reminder failed for good', reminderId, attempts, error: error.message });
    }
    throw error;
  }
}
