import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore } from '@pdca/event-store';
import { outstandingBySection } from '@pdca/projections';
import {
  oneOffReminderDecider,
  OneOffReminderEvent,
  RequestOneOffReminder as Command,
  reminderRequestStream,
  SectionSituation,
} from '@pdca/reminders';
import type { CommandRequest } from '../commands/command-request';
import { CommandOutcome, CommandRunner } from '../commands/command-runner.service';
import { CycleReader } from '../cycles/cycle-reader.service';
import { ProjectionsService } from '../projections/projections.service';

export interface OneOffReminderInput {
  wardId: string;
  fiscalYear: number;
  sectionIds: string[];
  note?: string;
}

/**
 * The planning office reminds chosen sections now: a fact appended to the cycle's reminder stream,
 * which the worker folds and sends from (so it survives restarts of both and a Redis that lost its
 * data). The cycle's status comes from its stream; what each section owes from the views once they
 * include everything stored — they span hundreds of item streams, and the worker checks again
 * before it sends.
 */
@Injectable()
export class RequestOneOffReminder {
  constructor(
    private readonly runner: CommandRunner,
    private readonly cycles: CycleReader,
    private readonly projections: ProjectionsService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute(input: OneOffReminderInput, request: CommandRequest): Promise<CommandOutcome<OneOffReminderEvent>> {
    const { wardId, fiscalYear } = input;
    const cycle = await this.cycles.current(wardId, fiscalYear);
    await this.projections.waitFor(await this.store.headPosition());
    const now = this.runner.now();
    const command: Command = {
      type: 'RequestOneOffReminder',
      data: {
        requestId: randomUUID(),
        sectionIds: input.sectionIds,
        note: input.note,
        cycleStatus: cycle.status,
        sections: this.situation(wardId, fiscalYear, now),
      },
      context: { actor: request.actor, wardId, fiscalYear, now: now.toISOString() },
    };
    return this.runner.run(reminderRequestStream(wardId, fiscalYear), oneOffReminderDecider, command, request);
  }

  /** Every section of the catalogue with how many of the cycle's items it owes now. */
  private situation(wardId: string, fiscalYear: number, now: Date): Record<string, SectionSituation> {
    const ward = this.projections.ward(wardId);
    const owing = outstandingBySection(ward, fiscalYear, now);
    return Object.fromEntries(
      Object.values(ward.catalogue.sections).map((s) => [
        s.sectionId,
        { name: s.name, owed: owing.get(s.sectionId)?.length ?? 0 },
      ]),
    );
  }
}
