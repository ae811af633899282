import { Injectable } from '@nestjs/common';
import { notFound } from '@pdca/kernel';
import { wardOf } from '@pdca/projections';
import { Audience, SummaryProvenance, summaryProvenance } from '@pdca/reporting';
import { ProjectionsService } from '../projections/projections.service';
import { AsOf, ReportHistoryService } from '../reports/report-history.service';
import { ReportsService } from '../reports/reports.service';
import { issuingOffice, wardName } from '../reports/ward-names';

/** The council that reviews the results, as the ward names it (seed 002: 区政改革推進会議). */
const COUNCILS: Record<string, string> = { nerima: '区政改革推進会議' };

/**
 * Number-level provenance, computed from the events as far as the view goes: a published version's
 * pinned position (the same replay that regenerates the report, so links and table agree), or now.
 */
@Injectable()
export class ProvenanceService {
  /** A published version never changes: its provenance is kept once computed. */
  private readonly published = new Map<string, SummaryProvenance>();

  constructor(
    private readonly reports: ReportsService,
    private readonly history: ReportHistoryService,
    private readonly projections: ProjectionsService,
  ) {
    projections.afterRebuild(() => this.published.clear()); // after an erasure
  }

  async ofPublished(
    wardId: string,
    fiscalYear: number,
    version?: number,
  ): Promise<{ provenance: SummaryProvenance; version: number }> {
    const { publication } = await this.reports.publishedVersion(wardId, fiscalYear, version);
    const key = `${wardId}/${fiscalYear}/${publication.version}`;
    let provenance = this.published.get(key);
    if (!provenance) {
      provenance = await this.compute(wardId, fiscalYear, { position: publication.position }, 'public');
      this.published.set(key, provenance);
    }
    return { provenance, version: publication.version };
  }

  /** The current year as it stands, for the roles overseeing the cycle (it holds unpublished work). */
  current(wardId: string, fiscalYear: number): Promise<SummaryProvenance> {
    return this.compute(wardId, fiscalYear, { position: this.projections.position }, 'staff');
  }

  title(wardId: string, fiscalYear: number, version?: number): string {
    return `${wardName(wardId)} ${fiscalYear}年度 集計表の根拠${version ? `（第${version}版）` : '（現在・未公表）'}`;
  }

  private async compute(
    wardId: string,
    fiscalYear: number,
    asOf: AsOf,
    audience: Audience,
  ): Promise<SummaryProvenance> {
    const { models, events } = await this.history.modelsAsOf(wardId, fiscalYear, asOf);
    const provenance = summaryProvenance(wardOf(models, wardId), wardId, fiscalYear, {
      events,
      audience,
      council: COUNCILS[wardId] ?? '評価委員会',
      planningOffice: issuingOffice(wardId) ?? '企画担当課',
    });
    if (!provenance)
      throw notFound(
        'CYCLE_NOT_FOUND',
        `${fiscalYear}年度のサイクルは開始されていません。`,
        `No review cycle has been opened for FY${fiscalYear}.`,
      );
    return provenance;
  }
}
