import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@pdca/event-store';
import { fiscalYearLabel } from '@pdca/kernel';
import { Environment } from '@pdca/platform';
import {
  CorrectedValue,
  correctedValues,
  CorrectionEntry,
  CorrectionFeed,
  publicationFingerprint,
} from '@pdca/reporting';
import { evaluationStream } from '@pdca/review';
import { ReportsService } from '../reports/reports.service';
import { issuingOffice, wardName } from '../reports/ward-names';

const EPOCH = '1970-01-01T00:00:00.000Z';

/**
 * A ward's post-publication corrections: every version after the first of every published year,
 * with what it changed against the version before (both regenerated from their pinned positions,
 * so "before" is what the public read), why, when, by which office, and its fingerprint.
 */
@Injectable()
export class CorrectionFeedService {
  private readonly base: string;

  constructor(
    private readonly reports: ReportsService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    environment: Environment,
  ) {
    this.base = environment.PUBLIC_BASE_URL.replace(/\/+$/, '');
  }

  async feed(wardId: string): Promise<CorrectionFeed> {
    const entries: CorrectionEntry[] = [];
    let updated = EPOCH;
    for (const fiscalYear of this.reports.publishedYears(wardId)) {
      const publications = this.reports.publications(wardId, fiscalYear);
      for (const publication of publications) {
        if (publication.publishedAt > updated) updated = publication.publishedAt;
        if (publication.version === 1) continue;
        const before = await this.reports.publishedVersion(wardId, fiscalYear, publication.version - 1);
        const after = await this.reports.publishedVersion(wardId, fiscalYear, publication.version);
        entries.push({
          fiscalYear,
          fiscalYearLabel: fiscalYearLabel(fiscalYear),
          version: publication.version,
          publishedAt: publication.publishedAt,
          reason: publication.reason ?? '',
          // Corrections are published by the planning office (the only role allowed to): named as the ward prints it.
          office: issuingOffice(wardId) ?? `${wardName(wardId)} 企画担当課`,
          fingerprint: publicationFingerprint(wardId, fiscalYear, publication),
          changes: await this.withItemReasons(
            wardId,
            fiscalYear,
            correctedValues(before.model, after.model),
            before.publication.position,
            publication.position,
          ),
          url: `${this.base}/public/wards/${wardId}/reports/${fiscalYear}/versions/${publication.version}`,
        });
      }
    }
    entries.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.fiscalYear - a.fiscalYear);
    const home = `${this.base}/public/wards/${wardId}`;
    return {
      wardId,
      wardName: wardName(wardId),
      homeUrl: `${home}/reports`,
      atomUrl: `${home}/corrections?format=atom`,
      jsonUrl: `${home}/corrections?format=json`,
      updated,
      entries,
    };
  }

  /** Each change with the reason the office gave on the item's correction between the two versions (the latest one, if corrected twice). */
  private async withItemReasons(
    wardId: string,
    fiscalYear: number,
    changes: CorrectedValue[],
    from: number,
    to: number,
  ): Promise<CorrectedValue[]> {
    const reasons = new Map<string, string>();
    for (const key of new Set(changes.map((c) => `${c.kind}:${c.itemId}`))) {
      const [kind, itemId] = key.split(/:(.*)/s) as ['project' | 'kpi', string];
      const events = await this.store.readStream(evaluationStream({ wardId, fiscalYear, kind, itemId }));
      const corrections = events.filter(
        (e) => e.type === 'EvaluationCorrected' && e.position > from && e.position <= to,
      );
      const reason = (corrections[corrections.length - 1]?.data as { reason?: string } | undefined)?.reason;
      if (reason) reasons.set(key, reason);
    }
    return changes.map((change) =>
      reasons.has(`${change.kind}:${change.itemId}`)
        ? { ...change, reason: reasons.get(`${change.kind}:${change.itemId}`) }
        : change,
    );
  }
}
