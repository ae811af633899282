import { Injectable } from '@nestjs/common';
import { fiscalYearLabel } from '@pdca/kernel';
import type { Actor } from '@pdca/kernel';
import type { KpiRow, ProjectRow, ReportModel } from '@pdca/projections';
import { seesUnpublishedWorkOf } from '../access/read-policy';
import { ProjectionsService } from '../projections/projections.service';
import { ReportsService } from './reports.service';

export interface YearOfItem {
  fiscalYear: number;
  label: string;
  /** The latest published version's row, regenerated from its pinned position. */
  published?: { version: number; row: ProjectRow | KpiRow };
  /** The row as it stands now: only for readers who may see the owning section's unpublished work. */
  current?: ProjectRow | KpiRow;
}

/**
 * One project or KPI across fiscal years: what was published each year and, for a reader who may see
 * the owning section's unpublished work, where it stands now. Anyone else (the public when reader is
 * undefined) gets exactly the public answer.
 */
@Injectable()
export class MultiYearService {
  constructor(
    private readonly reports: ReportsService,
    private readonly projections: ProjectionsService,
  ) {}

  async item(wardId: string, kind: 'project' | 'kpi', itemId: string, reader?: Actor): Promise<YearOfItem[]> {
    const includeCurrent = seesUnpublishedWorkOf(reader, this.ownerOf(wardId, kind, itemId) ?? '');
    const years = includeCurrent ? this.reports.fiscalYears(wardId) : this.reports.publishedYears(wardId);
    const result: YearOfItem[] = [];
    for (const fiscalYear of years) {
      const entry: YearOfItem = { fiscalYear, label: fiscalYearLabel(fiscalYear) };
      if (this.reports.publishedYears(wardId).includes(fiscalYear)) {
        const { model, publication } = await this.reports.publishedVersion(wardId, fiscalYear);
        const row = rowOf(model, kind, itemId);
        if (row) entry.published = { version: publication.version, row };
      }
      if (includeCurrent) entry.current = rowOf(this.reports.current(wardId, fiscalYear), kind, itemId);
      if (entry.published || entry.current) result.push(entry);
    }
    return result;
  }

  private ownerOf(wardId: string, kind: 'project' | 'kpi', itemId: string): string | undefined {
    const catalogue = this.projections.ward(wardId).catalogue;
    return (kind === 'project' ? catalogue.projects[itemId] : catalogue.kpis[itemId])?.sectionId;
  }
}

function rowOf(model: ReportModel, kind: 'project' | 'kpi', itemId: string): ProjectRow | KpiRow | undefined {
  const plans = model.pillars.flatMap((pillar) => pillar.plans);
  return kind === 'project'
    ? plans.flatMap((plan) => plan.projects).find((row) => row.projectId === itemId && !row.repost)
    : plans.flatMap((plan) => plan.kpis).find((row) => row.kpiId === itemId);
}
