import { Injectable } from '@nestjs/common';
import { OpenDataTable, openDataTables, publicationFingerprint } from '@pdca/reporting';
import type { Publication } from '@pdca/review';
import { ProjectionsService } from '../projections/projections.service';
import { ReportRenderingService } from '../reports/report-rendering.service';
import { ReportsService } from '../reports/reports.service';
import { wardName } from '../reports/ward-names';

/** 全国地方公共団体コード (with its check digit) of the wards we know; others leave the cell blank until the catalogue carries it. */
const LOCAL_GOVERNMENT_CODES: Record<string, string> = { nerima: '131202' };

/** The machine-readable open-data tables of a published version (libs/reporting open-data/machine-readable). */
@Injectable()
export class OpenDataService {
  /** A published version's tables never change (earlier years as known at its publication): built once. */
  private readonly built = new Map<string, OpenDataTable[]>();

  constructor(
    private readonly reports: ReportsService,
    private readonly rendering: ReportRenderingService,
    projections: ProjectionsService,
  ) {
    projections.afterRebuild(() => this.built.clear()); // after an erasure
  }

  async tables(
    wardId: string,
    fiscalYear: number,
    version?: number,
  ): Promise<{ tables: OpenDataTable[]; publication: Publication }> {
    const { model, publication } = await this.reports.publishedVersion(wardId, fiscalYear, version);
    const key = `${wardId}/${fiscalYear}/${publication.version}`;
    const built = this.built.get(key);
    if (built) return { tables: built, publication };
    const versions = this.reports
      .publications(wardId, fiscalYear)
      .filter((p) => p.version <= publication.version)
      .map((p) => ({
        version: p.version,
        publishedAt: p.publishedAt,
        reason: p.reason,
        fingerprint: publicationFingerprint(wardId, fiscalYear, p),
      }));
    // Earlier years' actuals as known when this version was published: the report's own rule.
    const { kpiHistory } = await this.rendering.options(model, publication);
    const tables = openDataTables({
      model,
      publication: { ...publication, status: 'published' },
      wardName: wardName(wardId),
      localGovernmentCode: LOCAL_GOVERNMENT_CODES[wardId],
      fingerprint: publicationFingerprint(wardId, fiscalYear, publication),
      versions,
      kpiHistory,
    });
    this.built.set(key, tables);
    return { tables, publication };
  }
}
