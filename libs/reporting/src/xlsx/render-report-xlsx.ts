import type { ReportModel } from '@pdca/projections';
import type { Workbook, Worksheet } from 'exceljs';
import { withFixedZipDates } from '@pdca/kernel';
import { reportTitle } from '../format';
import { kpiColumns, placedRows, projectColumns } from '../open-data/flat-columns';
import type { PublicationInfo, ReportOptions } from '../publication-info';
import { chainHeadsTable, publicationTable } from '../tables/publication-table';
import { summaryTable } from '../tables/summary-table';
import { writeFlatSheet, writeTable, writeVerificationBlock } from './sheet-writers';
import { verificationBlock } from '../layout/verification-block';
import { usesKpiYears, usesNerimaPartSheets, usesTaishoLayout, usesVerificationBlock } from '../template-version';
import { writeNerimaGuideSheet, writeNerimaPartSheets } from './nerima.xlsx';
import { writeKpiYearsSheet } from './kpi-years.xlsx';
import { taishoDocument } from '../layout/taisho/taisho-template';
import { writeTaishoSheets } from './taisho.xlsx';
import { modelForTemplate } from '../layout/comparable-achievement';

/** The report as a workbook: 集計, KPI, アクションプラン and 公表情報, with Japanese headers. */
export async function renderReportXlsx(
  stored: ReportModel,
  publication: PublicationInfo,
  options: ReportOptions = {},
): Promise<Buffer> {
  const model = modelForTemplate(stored, publication.templateVersion);
  const { Workbook } = await import('exceljs'); // loaded on the first workbook, not at start (~25 MB)
  const workbook = new Workbook();
  const published = new Date(publication.publishedAt);
  const taisho = usesTaishoLayout(model.scheme, publication.templateVersion)
    ? taishoDocument(model, options, publication.templateVersion)
    : undefined;
  // Dated by the publication, not the clock: the workbook describes that publication.
  Object.assign(workbook, {
    creator: 'pdca-review',
    lastModifiedBy: 'pdca-review',
    created: published,
    modified: published,
    title: taisho?.title ?? reportTitle(model, options),
    subject: publication.templateVersion,
  });
  const rows = placedRows(model);

  // Taisho (report-template/3 on): its parts laid out like the printed report, and the flat data in its own words.
  if (taisho) writeTaishoSheets(workbook, taisho, addSheet);
  else {
    const partSheets = usesNerimaPartSheets(publication.templateVersion);
    if (partSheets) writeNerimaGuideSheet(workbook, model, publication.templateVersion, addSheet);
    const summarySheet = addSheet(workbook, '集計');
    summarySheet.columns = summaryTable(model).columns.map((column) => ({ width: column.width }));
    writeTable(summarySheet, summaryTable(model), 1);
    if (partSheets) writeNerimaPartSheets(workbook, model, options, publication.templateVersion, addSheet);
  }

  writeFlatSheet(addSheet(workbook, taisho ? 'データ（成果指標）' : 'KPI'), kpiColumns(model, publication), rows.kpis);
  if (!taisho && usesKpiYears(publication.templateVersion))
    writeKpiYearsSheet(addSheet(workbook, 'KPI（年度別）'), model, options);
  writeFlatSheet(
    addSheet(workbook, taisho ? 'データ（具体的取組）' : 'アクションプラン'),
    projectColumns(model, publication),
    rows.projects,
  );
  writePublicationSheet(addSheet(workbook, '公表情報'), publication);

  // exceljs stamps each zip entry with the clock; fixed, so a published version is the same bytes every time.
  return withFixedZipDates(Buffer.from(await workbook.xlsx.writeBuffer()));
}

/** Header row frozen on screen and repeated on every printed page; A4 landscape like the report. */
function addSheet(workbook: Workbook, name: string): Worksheet {
  return workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    },
  });
}

/**
 * Publication facts in A:B (value merged across B:C), from report-template/5 the 検証用情報 block under
 * them, then every chain head with its whole hash.
 */
function writePublicationSheet(sheet: Worksheet, publication: PublicationInfo): void {
  const widths: [number, number, number] = [48, 14, 70];
  sheet.columns = widths.map((width) => ({ width }));
  const table = publicationTable(publication);
  let last = writeTable(sheet, table, 1);
  for (let row = 1; row <= last; row++) sheet.mergeCells(row, 2, row, 3);
  if (usesVerificationBlock(publication.templateVersion))
    last = writeVerificationBlock(sheet, verificationBlock(publication), last + 2, widths);
  writeTable(sheet, chainHeadsTable(publication, { full: true, id: 'chain-heads' }), last + 2);
}
