import { Injectable, StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { ReportModel } from '@pdca/projections';
import {
  PublicationInfo,
  publicationFingerprint,
  PublicationVerification,
  renderReportCsv,
  renderReportHtml,
  renderReportJson,
  renderReportPdf,
  renderReportXlsx,
  renderSummaryCsv,
  ReportOptions,
  TEMPLATE_VERSION,
} from '@pdca/reporting';
import type { Publication } from '@pdca/review';
import { Environment } from '@pdca/platform';
import { TransparencyLogService } from '../transparency/transparency-log.service';
import { csvVerificationHeaders } from './csv-verification-headers';
import type { ReportFormat } from './reports.request.dto';
import { ReportsService } from './reports.service';
import { issuingOffice, wardName } from './ward-names';

export type CsvTable = 'projects' | 'kpis' | 'summary';

/** Sends a report in the format asked for; published reports pin their template version and position. */
@Injectable()
export class ReportRenderingService {
  constructor(
    private readonly reports: ReportsService,
    private readonly transparency: TransparencyLogService,
    private readonly environment: Environment,
  ) {}

  /** @param response takes a published CSV's verification headers (the routes of drafts pass none). */
  async render(
    model: ReportModel,
    publication: Publication | undefined,
    format: ReportFormat,
    table: CsvTable = 'projects',
    response?: Pick<FastifyReply, 'headers'>,
  ) {
    const info: PublicationInfo = publication
      ? {
          ...publication,
          status: 'published',
          verification: await this.verification(model.wardId, model.fiscalYear, publication),
        }
      : {
          version: 0,
          publishedAt: new Date().toISOString(),
          position: 0,
          templateVersion: TEMPLATE_VERSION,
          chainHeads: {},
          status: 'draft',
        };
    const options = await this.options(model, publication);
    const base = `${model.wardId}-${model.fiscalYear}${publication ? `-v${publication.version}` : '-draft'}`;
    switch (format) {
      case 'html':
        // A published summary's numbers link to their provenance (relative: the page is served by this API).
        return this.reply(
          'text/html; charset=utf-8',
          renderReportHtml(
            model,
            info,
            publication
              ? {
                  ...options,
                  provenanceHref: `/public/wards/${model.wardId}/reports/${model.fiscalYear}/versions/${publication.version}/provenance?format=html`,
                }
              : options,
          ),
        );
      case 'csv': {
        const csv = table === 'summary' ? renderSummaryCsv(model, info) : renderReportCsv(model, info)[table];
        if (publication && info.verification)
          response?.headers(
            csvVerificationHeaders(
              info.verification,
              this.versionJsonAddress(model.wardId, model.fiscalYear, publication),
            ),
          );
        return this.reply('text/csv; charset=utf-8', csv, `${base}-${table}.csv`);
      }
      case 'xlsx':
        return this.reply(
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          await renderReportXlsx(model, info, options),
          `${base}.xlsx`,
        );
      case 'pdf':
        return this.reply('application/pdf', await renderReportPdf(model, info, options), `${base}.pdf`);
      default:
        return this.reply('application/json; charset=utf-8', JSON.stringify(renderReportJson(model, info, options)));
    }
  }

  /** The headers of a published version's other flat files (its open-data files): the same as its CSVs'. */
  async verificationHeaders(wardId: string, fiscalYear: number, publication: Publication) {
    return csvVerificationHeaders(
      await this.verification(wardId, fiscalYear, publication),
      this.versionJsonAddress(wardId, fiscalYear, publication),
    );
  }

  /** A published version's line to verify it by: the list of versions with fingerprints, and the checkpoint covering it. */
  private async verification(
    wardId: string,
    fiscalYear: number,
    publication: Publication,
  ): Promise<PublicationVerification> {
    const checkpoint = await this.transparency.checkpointCovering(publication.position);
    const address = `${this.environment.PUBLIC_BASE_URL.replace(/\/+$/, '')}/public/wards/${wardId}/reports`;
    return {
      address,
      fingerprint: publicationFingerprint(wardId, fiscalYear, publication),
      ...(checkpoint ? { checkpoint } : {}),
    };
  }

  private versionJsonAddress(wardId: string, fiscalYear: number, publication: Publication): string {
    const base = this.environment.PUBLIC_BASE_URL.replace(/\/+$/, '');
    return `${base}/public/wards/${wardId}/reports/${fiscalYear}/versions/${publication.version}?format=json`;
  }

  /**
   * Trends: the summaries and KPI actuals of the ward's earlier published years, as known when
   * `publication` was published (`ReportsService.earlierVersions`), so its bytes never change.
   */
  async options(model: ReportModel, publication?: Pick<Publication, 'position'>): Promise<ReportOptions> {
    const earlier = await this.reports.earlierVersions(model.wardId, model.fiscalYear, publication?.position);
    const history: NonNullable<ReportOptions['history']> = [];
    const kpiHistory: NonNullable<ReportOptions['kpiHistory']> = {};
    const projectHistory: NonNullable<ReportOptions['projectHistory']> = {};
    for (const { fiscalYear, version } of earlier) {
      const { model: past } = await this.reports.publishedVersion(model.wardId, fiscalYear, version);
      history.push({ fiscalYear, summary: past.summary });
      const plans = past.pillars.flatMap((p) => p.plans);
      for (const kpi of plans.flatMap((plan) => plan.kpis)) {
        (kpiHistory[kpi.kpiId] ??= []).push({ fiscalYear, actual: kpi.actual });
      }
      for (const row of plans.flatMap((plan) => plan.projects).filter((row) => !row.repost))
        (projectHistory[row.projectId] ??= []).push({ fiscalYear, rating: row.rating });
    }
    const names = { wardName: wardName(model.wardId), issuingOffice: issuingOffice(model.wardId) };
    return { ...names, history, kpiHistory, projectHistory };
  }

  /**
   * Returned, not sent: the routes use `passthrough`, so Nest sends what they return, and a body sent
   * here as well made Nest send a second, empty one ("Cannot set headers after they are sent", a 500
   * in the log after the client already had its 200).
   */
  private reply(type: string, body: string | Buffer, filename?: string): StreamableFile {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    return new StreamableFile(bytes, {
      type,
      length: bytes.length,
      disposition: filename ? `attachment; filename="${filename}"` : undefined,
    });
  }
}
