/**
 * The import format: three tables, as three CSV files or three sheets of one workbook.
 * The Nerima FY R4 fixtures (tests/fixtures/nerima-fy2022) are written in it.
 */
export type ImportTable = '構成' | '取組' | '指標';
export const IMPORT_TABLES: readonly ImportTable[] = ['構成', '取組', '指標'];

/** English names accepted for sheets (and used to label tables in English messages). */
export const TABLE_NAMES_EN: Record<ImportTable, string> = { 構成: 'structure', 取組: 'projects', 指標: 'kpis' };

export interface RowBase {
  table: ImportTable;
  /** 1-based, as the file or sheet shows it: the header is row 1. */
  row: number;
  /** File name, or "workbook.xlsx#取組" for a sheet. */
  source: string;
}

/** Cells as text, trimmed; an absent or empty cell is ''. Meaning is checked by planImport. */
export interface StructureRow extends RowBase {
  table: '構成';
  kind: string;
  number: string;
  name: string;
  pillar: string;
}

export interface ProjectRow extends RowBase {
  table: '取組';
  projectId: string;
  plan: string;
  sectionNo: string;
  sectionTitle: string;
  name: string;
  department: string;
  section: string;
  repostOf: string;
  notSuited: string;
  fiscalYear: string;
  target: string;
  statusAtPreviousYearEnd: string;
  planned: string;
  actual: string;
  rating: string;
  bReason: string;
  note: string;
}

export interface KpiRow extends RowBase {
  table: '指標';
  kpiId: string;
  plan: string;
  indicator: string;
  kind: string;
  target: string;
  targetAsOf: string;
  baseline: string;
  baselineAsOf: string;
  fiscalYear: string;
  actual: string;
  actualAsOf: string;
  department: string;
  section: string;
}

export type TableRow = StructureRow | ProjectRow | KpiRow;
export type RowOf<T extends ImportTable> = Extract<TableRow, { table: T }>;
export type FieldOf<T extends ImportTable> = Exclude<keyof RowOf<T>, keyof RowBase>;
