import { Injectable } from '@nestjs/common';
import { notFound } from '@pdca/kernel';
import { buildReportModel, cycleSummary, ReportModel, Summary, wardOf } from '@pdca/projections';
import type { Publication } from '@pdca/review';
import { ProjectionsService } from '../projections/projections.service';
import { AsOf, ReportHistoryService } from './report-history.service';

/** Enough for every ward of a multi-tenant service working on a year or two at once. */
const CURRENT_MODELS_KEPT = 64;

export interface PublishedReport {
  model: ReportModel;
  publication: Publication;
  versions: Array<Pick<Publication, 'version' | 'publishedAt' | 'reason'>>;
}

/** Reports now, as known at a past moment, and as published (regenerated from the pinned position). */
@Injectable()
export class ReportsService {
  /** A published version never changes, so its regenerated model is kept. */
  private readonly published = new Map<string, ReportModel>();
  /** Current models by ward and fiscal year, with the ward version they were built at; least recently built dropped first. */
  private readonly currentModels = new Map<string, { version: number; model: ReportModel }>();

  constructor(
    private readonly projections: ProjectionsService,
    private readonly history: ReportHistoryService,
  ) {
    // "Never changes" holds until a personal text in it is erased (README, "Erasing personal data").
    projections.afterRebuild(() => [this.published, this.currentModels].forEach((cache) => cache.clear()));
  }

  /**
   * The current report, rebuilt only when the ward changed: reading it is far more common than
   * changing it (a report model of a Nerima-sized ward takes milliseconds to build).
   */
  current(wardId: string, fiscalYear: number): ReportModel {
    const ward = this.projections.ward(wardId);
    const key = `${wardId}/${fiscalYear}`;
    const cached = this.currentModels.get(key);
    if (cached?.version === ward.version) return cached.model;
    const model = this.require(buildReportModel(ward, wardId, fiscalYear), fiscalYear);
    this.currentModels.delete(key);
    this.currentModels.set(key, { version: ward.version, model });
    if (this.currentModels.size > CURRENT_MODELS_KEPT)
      this.currentModels.delete(this.currentModels.keys().next().value!);
    return model;
  }

  currentSummary(wardId: string, fiscalYear: number): Summary {
    const summary = cycleSummary(this.projections.ward(wardId), fiscalYear);
    if (!summary)
      throw notFound(
        'CYCLE_NOT_FOUND',
        `${fiscalYear}年度のサイクルは開始されていません。`,
        `No review cycle has been opened for FY${fiscalYear}.`,
      );
    return summary;
  }

  async asOf(wardId: string, fiscalYear: number, asOf: AsOf): Promise<ReportModel> {
    const { models } = await this.history.modelsAsOf(wardId, fiscalYear, asOf);
    return this.require(buildReportModel(wardOf(models, wardId), wardId, fiscalYear), fiscalYear);
  }

  /** Fiscal years of the ward with an opened cycle. */
  fiscalYears(wardId: string): number[] {
    return [...this.projections.ward(wardId).cycles.entries()]
      .filter(([, c]) => c.cycle.status !== 'not_opened')
      .map(([year]) => year)
      .sort();
  }

  /** Fiscal years of the ward that have at least one published version. */
  publishedYears(wardId: string): number[] {
    return [...this.projections.ward(wardId).cycles.entries()]
      .filter(([, c]) => c.cycle.status === 'published')
      .map(([year]) => year)
      .sort();
  }

  /**
   * The ward's years before `fiscalYear` a report shows beside it (trends, KPI actuals over the years),
   * each at its version known at `position` — a published version's pinned position — so a later
   * correction of any year leaves that version's bytes as they were. Without a position (a draft, or
   * the report now), each year's latest version.
   */
  async earlierVersions(
    wardId: string,
    fiscalYear: number,
    position?: number,
  ): Promise<Array<{ fiscalYear: number; version: number }>> {
    const years = this.publishedYears(wardId).filter((year) => year < fiscalYear);
    const known = await Promise.all(
      years.map(async (year) => ({
        fiscalYear: year,
        version:
          position === undefined
            ? this.publications(wardId, year).at(-1)?.version
            : await this.history.publishedVersionAt(wardId, year, position),
      })),
    );
    return known.filter((year): year is { fiscalYear: number; version: number } => year.version !== undefined);
  }

  publications(wardId: string, fiscalYear: number): Publication[] {
    const cycle = this.projections.ward(wardId).cycles.get(fiscalYear)?.cycle;
    return cycle?.status === 'published' ? cycle.publications : [];
  }

  async publishedVersion(wardId: string, fiscalYear: number, version?: number): Promise<PublishedReport> {
    const publications = this.publications(wardId, fiscalYear);
    const publication =
      version === undefined ? publications[publications.length - 1] : publications.find((p) => p.version === version);
    if (!publication) {
      throw notFound(
        'REPORT_NOT_PUBLISHED',
        `${fiscalYear}年度の報告${version ? `（第${version}版）` : ''}は公表されていません。`,
        `No published report for FY${fiscalYear}${version ? ` version ${version}` : ''}.`,
      );
    }
    const key = `${wardId}/${fiscalYear}/${publication.version}`;
    let model = this.published.get(key);
    if (!model) {
      model = await this.asOf(wardId, fiscalYear, { position: publication.position });
      this.published.set(key, model);
    }
    const versions = publications.map(({ version: v, publishedAt, reason }) => ({ version: v, publishedAt, reason }));
    return { model, publication, versions };
  }

  private require(model: ReportModel | undefined, fiscalYear: number): ReportModel {
    if (!model)
      throw notFound(
        'CYCLE_NOT_FOUND',
        `${fiscalYear}年度のサイクルは開始されていません。`,
        `No review cycle has been opened for FY${fiscalYear}.`,
      );
    return model;
  }
}
