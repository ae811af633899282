import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@pdca/event-store';
import { cycleItems, isOutstanding } from '@pdca/projections';
import type { OutstandingItem } from '@pdca/review';
import { ProjectionsService } from '../projections/projections.service';

/**
 * The closing checklist: every in-scope item a section still owes (not started, draft, returned),
 * read from the projections once they include everything written so far.
 */
@Injectable()
export class OutstandingItemsService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionsService,
  ) {}

  async of(wardId: string, fiscalYear: number, now: Date): Promise<OutstandingItem[]> {
    await this.projections.waitFor(await this.store.headPosition());
    const ward = this.projections.ward(wardId);
    return cycleItems(ward, fiscalYear, now)
      .filter(isOutstanding)
      .map(({ kind, itemId, name, sectionId, status }) => ({
        kind,
        itemId,
        name,
        sectionId,
        sectionName: ward.catalogue.sections[sectionId]?.name ?? sectionId,
        status,
      }));
  }
}
