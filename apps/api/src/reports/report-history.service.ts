import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, RecordedEvent } from '@pdca/event-store';
import { emptyReadModels, projectEvent, ReadModels, wardOf } from '@pdca/projections';
import { cycleStream } from '@pdca/review';
import { ProjectionsService } from '../projections/projections.service';
import { reportStreams } from './report-streams';

export type AsOf = { position: number } | { at: Date };

const PUBLISHING = new Set(['ReportPublished', 'ReportCorrected']);

/**
 * "As known at": replays a fiscal year's streams up to a global position or a moment, through the
 * same projection functions as the live models, so a past view is computed exactly as it was.
 */
@Injectable()
export class ReportHistoryService {
  private readonly versionsAt = new Map<string, number | undefined>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionsService,
  ) {}

  async modelsAsOf(
    wardId: string,
    fiscalYear: number,
    asOf: AsOf,
  ): Promise<{ models: ReadModels; events: RecordedEvent[] }> {
    const cycle = this.projections.ward(wardId).cycles.get(fiscalYear)?.cycle;
    const catalogue = this.projections.ward(wardId).catalogue;
    const streams =
      cycle && cycle.status !== 'not_opened'
        ? reportStreams(wardId, fiscalYear, cycle, catalogue)
        : [`catalogue-${wardId}`, cycleStream(wardId, fiscalYear)];
    const included = (event: RecordedEvent) =>
      'position' in asOf ? event.position <= asOf.position : Date.parse(event.metadata.recordedAt) <= asOf.at.getTime();
    const events = (await Promise.all(streams.map((stream) => this.store.readStream(stream))))
      .flat()
      .filter(included)
      .sort((a, b) => a.position - b.position);
    const shown = await this.withoutUnfinishedImports(wardId, events, included);
    const models = emptyReadModels();
    shown.forEach((event) => projectEvent(models, event));
    wardOf(models, wardId);
    return { models, events: shown };
  }

  /**
   * The version of a year that was published at a global position (undefined if none yet): by the
   * publishing events' own positions, so a publication appended later never counts, however early
   * its draft was pinned. The answer never changes, so it is kept.
   */
  async publishedVersionAt(wardId: string, fiscalYear: number, position: number): Promise<number | undefined> {
    const key = `${wardId}/${fiscalYear}@${position}`;
    if (this.versionsAt.has(key)) return this.versionsAt.get(key);
    const published = (await this.store.readStream(cycleStream(wardId, fiscalYear))).filter(
      (event) => PUBLISHING.has(event.type) && event.position <= position,
    );
    const version = (published[published.length - 1]?.data as { version?: number } | undefined)?.version;
    this.versionsAt.set(key, version);
    return version;
  }

  /** An import shows whole or not at all, as in the live models: its events count once its completion is included. */
  private async withoutUnfinishedImports(
    wardId: string,
    events: RecordedEvent[],
    included: (event: RecordedEvent) => boolean,
  ): Promise<RecordedEvent[]> {
    const importIds = [
      ...new Set(events.map((e) => e.metadata.importId).filter((id): id is string => typeof id === 'string')),
    ];
    if (importIds.length === 0) return events;
    const unfinished = new Set<string>();
    for (const importId of importIds) {
      const stream = `import-${wardId}-${importId.slice(0, 16)}`;
      const closed = (await this.store.readStream(stream)).some(
        (e) => e.type === 'ImportCompleted' && (e.data as { importId?: string }).importId === importId && included(e),
      );
      if (!closed) unfinished.add(importId);
    }
    return events.filter((e) => !unfinished.has(e.metadata.importId as string));
  }
}
