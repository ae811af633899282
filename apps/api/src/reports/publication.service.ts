import { Inject, Injectable } from '@nestjs/common';
import { headOf } from '@pdca/audit';
import { EVENT_STORE, EventStore } from '@pdca/event-store';
import { buildReportModel, cycleItems, summaryCounts } from '@pdca/projections';
import type { PublicationDraft } from '@pdca/review';
import { TEMPLATE_VERSION as REPORT_TEMPLATE_VERSION } from '@pdca/reporting';
import { ProjectionsService } from '../projections/projections.service';
import { reportStreams } from './report-streams';

/**
 * Pins what a publication is computed from: the global position, the chain head of every stream
 * in the report, and the summary at that position. decide then judges whether it may be published.
 */
@Injectable()
export class PublicationService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionsService,
  ) {}

  async draft(wardId: string, fiscalYear: number, now: Date): Promise<PublicationDraft> {
    await this.projections.waitFor(await this.store.headPosition());
    const position = this.projections.position;
    const ward = this.projections.ward(wardId);
    const cycle = ward.cycles.get(fiscalYear)?.cycle;
    const report = buildReportModel(ward, wardId, fiscalYear);
    if (!cycle || cycle.status === 'not_opened' || !report)
      return { position, templateVersion: REPORT_TEMPLATE_VERSION, chainHeads: {}, summary: {}, itemsNotApproved: 0 };
    const chainHeads: PublicationDraft['chainHeads'] = {};
    for (const stream of reportStreams(wardId, fiscalYear, cycle, ward.catalogue)) {
      const events = (await this.store.readStream(stream)).filter((event) => event.position <= position);
      if (events.length > 0) chainHeads[stream] = headOf(events[events.length - 1]);
    }
    const itemsNotApproved = cycleItems(ward, fiscalYear, now).filter((item) => item.status !== 'approved').length;
    return {
      position,
      templateVersion: REPORT_TEMPLATE_VERSION,
      chainHeads,
      summary: summaryCounts(report.summary),
      itemsNotApproved,
    };
  }
}
