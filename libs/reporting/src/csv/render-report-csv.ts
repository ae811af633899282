import type { ReportModel } from '@pdca/projections';
import { kpiColumns, placedRows, projectColumns } from '../open-data/flat-columns';
import type { PublicationInfo } from '../publication-info';
import { csvDocument } from './csv-document';
import { modelForTemplate } from '../layout/comparable-achievement';

export interface ReportCsv {
  /** One line per project row of the action plan, 再掲 rows included (再掲 = 1). */
  projects: string;
  /** One line per KPI. */
  kpis: string;
}

/** Open data: the action plan and the KPI tables, one CSV each (UTF-8 with BOM, RFC 4180). */
export function renderReportCsv(stored: ReportModel, publication: PublicationInfo): ReportCsv {
  const model = modelForTemplate(stored, publication.templateVersion);
  const rows = placedRows(model);
  return {
    projects: csvDocument(projectColumns(model, publication), rows.projects),
    kpis: csvDocument(kpiColumns(model, publication), rows.kpis),
  };
}
