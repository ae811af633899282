import { Inject, Injectable, Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { CLOCK } from '@pdca/kernel';
import type { Clock } from '@pdca/kernel';
import { Environment } from '@pdca/platform';
import type { WardModel } from '@pdca/projections';
import type { ReminderOccasion } from '@pdca/reminders';
import { judgeJob, postpone } from '../occasion-verdict';
import { OneOffRequests } from '../one-off/one-off-requests.service';
import { judgeOneOffJob } from '../one-off/one-off-verdict';
import { WorkerProjections } from '../projections/worker-projections.service';
import type { SendGroupJobData, SendJobData } from '../queue/reminder-jobs';
import { SectionOutcome, SectionSend, SentNote } from './section-send';
import { finalFailureLog } from './final-failure-log';

export type SendGroupResult = { outcomes: Record<string, SectionOutcome> };

/** Whether the occasion still stands, for a scheduled occasion or a one-off request alike. */
type SendVerdict =
  | { verdict: 'due'; occasion: ReminderOccasion; note?: string }
  | { verdict: 'not_yet'; occasion: ReminderOccasion }
  | { verdict: 'not_scheduled' | 'superseded' };

/**
 * The reminders of a group of sections of one occasion: judged once, then each section as
 * SectionSend decides, several at a time so that the SMTP pool stays busy. A section whose send
 * failed makes the job fail and come back with backoff; the next try sends only to the sections
 * the ledger has no outcome for, so the others are never repeated. The gap left is a crash after
 * the SMTP server accepted a message and before its ledger append: the retry sends it again, with
 * the same Message-ID.
 */
@Injectable()
export class SendReminder {
  private readonly logger = new Logger('SendReminder');

  constructor(
    private readonly projections: WorkerProjections,
    private readonly requests: OneOffRequests,
    private readonly section: SectionSend,
    private readonly environment: Environment,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  run(job: Job<SendGroupJobData>, token?: string): Promise<SendGroupResult> {
    return this.sendAll(job, job.data, token);
  }

  private async sendAll(job: Job, data: SendGroupJobData, token?: string): Promise<SendGroupResult> {
    await this.projections.catchUp();
    const ward = this.projections.ward(data.wardId);
    const now = this.clock.now();
    const judged = await this.judge(data, ward, now);
    if (judged.verdict === 'not_yet') return postpone(job, token, judged.occasion.at, this.clock);
    if (judged.verdict !== 'due') return everyone(data.sectionIds, { outcome: judged.verdict });
    const attempt = job.attemptsMade + 1;
    const at = {
      job: data,
      ward,
      occasion: judged.occasion,
      note: judged.note,
      owing: this.projections.outstanding(data.wardId, data.fiscalYear, now),
      attempt,
      last: attempt >= (job.opts.attempts ?? 1),
    };
    const outcomes = await inLanes(data.sectionIds, this.environment.SMTP_MAX_CONNECTIONS, (sectionId) =>
      this.section.run(at, sectionId),
    );
    return this.settle(job, outcomes);
  }

  /** A job of one section, as fan-outs pushed before groups; one an older worker noted as sent is only recorded. */
  async runOne(job: Job<SendJobData>, token?: string): Promise<SectionOutcome> {
    const { sectionId, ...occasion } = job.data;
    const noted = (job.progress as { sent?: SentNote } | undefined)?.sent;
    if (noted) {
      await this.projections.catchUp();
      return this.section.recordSent(occasion, this.projections.ward(occasion.wardId), sectionId, noted);
    }
    const { outcomes } = await this.sendAll(job, { ...occasion, sectionIds: [sectionId] }, token);
    return outcomes[sectionId];
  }

  private async judge(data: SendGroupJobData, ward: WardModel, now: Date): Promise<SendVerdict> {
    const { requestId } = data;
    if (!requestId) return judgeJob(ward, data, now);
    const judged = judgeOneOffJob(ward, data.fiscalYear, await this.requests.find({ ...data, requestId }), now);
    if (judged.verdict === 'not_scheduled') return judged;
    // Expiry is judged when the request fans out: a send retried past it finishes what was started,
    // so a last failure still reaches the ledger.
    return { verdict: 'due', occasion: judged.occasion, note: judged.request.note };
  }

  /** Failures still to be retried fail the job (BullMQ retries it); failures recorded for good end it failed. */
  private settle(job: Job, outcomes: Record<string, SectionOutcome>): SendGroupResult {
    const failed = Object.entries(outcomes).flatMap(([sectionId, o]) =>
      o.outcome === 'failed' ? [{ sectionId, ...o }] : [],
    );
    const sent = Object.values(outcomes).filter((o) => o.outcome === 'sent').length;
    this.logger.log({ msg: 'reminders sent', jobId: job.id, sent, failed: failed.length });
    if (failed.length === 0) return { outcomes };
    const summary = failed.map((f) => `${f.sectionId}: ${f.error}`).join('; ');
    if (failed.some((f) => !f.final)) throw new Error(`not sent yet to ${failed.length} section(s): ${summary}`);
    const { level, msg } = finalFailureLog(failed);
    this.logger[level]({ msg, jobId: job.id, attempts: job.attemptsMade + 1, summary });
    throw new UnrecoverableError(`recorded as failed: ${summary}`);
  }
}

const everyone = (sectionIds: string[], outcome: SectionOutcome): SendGroupResult => ({
  outcomes: Object.fromEntries(sectionIds.map((sectionId) => [sectionId, outcome])),
});

/**
 * Runs `work` for every id, `lanes` at a time, keeping each result under its id. After an error no
 * lane starts another id, and the error is thrown only once every lane has stopped: a retry of the
 * job must never overlap sends of this try.
 */
async function inLanes<T>(ids: string[], lanes: number, work: (id: string) => Promise<T>): Promise<Record<string, T>> {
  const results: Record<string, T> = {};
  let next = 0;
  let failed = false;
  const lane = async () => {
    for (let i = next++; i < ids.length && !failed; i = next++) {
      try {
        results[ids[i]] = await work(ids[i]);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(lanes, ids.length) }, lane));
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (rejected) throw rejected.reason;
  return results;
}
