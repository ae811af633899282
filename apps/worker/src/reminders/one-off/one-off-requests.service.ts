import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, readFolded } from '@pdca/event-store';
import { oneOffReminderDecider, OneOffReminderRequestedData, reminderRequestStream } from '@pdca/reminders';

/**
 * The planning office's one-off requests, read from the cycle's reminder stream when a job runs:
 * the job carries ids only, the sections and the note come from the recorded fact.
 */
@Injectable()
export class OneOffRequests {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async find(at: {
    wardId: string;
    fiscalYear: number;
    requestId: string;
  }): Promise<OneOffReminderRequestedData | undefined> {
    const stream = reminderRequestStream(at.wardId, at.fiscalYear);
    const { state } = await readFolded(this.store, stream, oneOffReminderDecider);
    return state.requests[at.requestId];
  }
}
