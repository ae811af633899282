import type { KpiRow, ProjectRow, ReportModel } from '@pdca/projections';
import type { Swatch } from '../charts/swatch';
import type { RatingJson, SummaryJson } from '../json/report-json';
import type { GuideSection } from '../layout/reading-guide';
import type { FlatColumn, Placed } from '../open-data/flat-columns';
import type { OpenDataColumn } from '../open-data/machine-readable/open-data-table';
import type { Cell, Column, Table } from '../tables/table';

export interface SummaryTableOptions {
  /**
   * Print 内訳 once, on the first breakdown row, as the ward does (the PDF and HTML of template 2).
   * The open-data sheets keep it on every row: one datum per cell, no blank meaning "as above".
   */
  breakdownLabelOnce?: boolean;
}

/** One line of the summary as open data (CSV), before 未評価 and 合計. */
export interface SummaryLine {
  group: string;
  key: string;
  label: string;
  count: number;
  share?: number;
}

/**
 * How a scheme prints: every table, column and document part that differs between schemes. One file
 * per scheme beside this one; the registry maps every SchemeId to one, so a new scheme must say how it prints.
 */
export interface ReportScheme<R, S> {
  summaryTable(summary: S, id: string, caption: string, options: SummaryTableOptions): Table;
  summaryLines(summary: S): SummaryLine[];
  summaryJson(summary: S): SummaryJson;
  ratingJson(rating: R, summary: S): RatingJson;
  /** 表の見方: the rating symbols explained, then the scheme's own sections (Nerima's B の内訳). */
  guide(summary: S): { column: string; symbols: Array<[string, string]>; sections: GuideSection[] };
  /** Part 2: the columns replacing the rating column, and the widths the plan columns keep. */
  projectTable(model: ReportModel): { nameWidth: number; planWidth: number; noteWidth: number; columns: Column[] };
  projectCells(row: ProjectRow): Cell[];
  /** Part 1: columns added after 達成度 (none where KPIs are not rated). */
  kpiColumns: Column[];
  kpiCells(row: KpiRow): Cell[];
  openDataProjectColumns(model: ReportModel): Array<FlatColumn<Placed<ProjectRow>>>;
  openDataKpiColumns: Array<FlatColumn<Placed<KpiRow>>>;
  /** report-template/4 on: how the flat data heads 前年度末の現況 (Taisho prints 前年度までの実績). */
  previousYearHeader: string;
  /** report-template/4 on: the scheme's per-project fields the flat data lacked, appended at the end. */
  flatProjectColumnsV4: Array<FlatColumn<Placed<ProjectRow>>>;
  /** report-template/4 on: the same fields in the open-data projects file, with their definitions. */
  machineReadableProjectColumns: Array<OpenDataColumn<Placed<ProjectRow>>>;
  /** report-template/4 on: whether the open-data projects file has Nerima's Bの内訳 columns (always blank elsewhere, L1-03). */
  bReasonColumns: boolean;
  /** Code lists of those columns, added to the open-data code table. */
  machineReadableCodes: Array<{ list: string; code: string; label: string }>;
  /** The colour of a rating in charts; index is its place in the summary's categories. */
  swatch(key: string, index: number): Swatch;
  palette: Swatch[];
}
