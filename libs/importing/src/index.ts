export * from './format/import-tables';
export {
  TABLE_COLUMNS,
  NERIMA_GRADE_VALUES,
  B_REASON_LABELS,
  KPI_KIND_LABELS,
  STRUCTURE_KIND_LABELS,
  headerOf,
} from './format/columns';
export type { ColumnSpec } from './format/columns';
export { TABLE_EXAMPLES } from './format/examples';
export * from './row-error';
export { decodeText } from './read/decode-text';
export type { TextEncoding } from './read/decode-text';
export { parseImport } from './read/parse-import';
export type { ImportFile, ParsedFile, ParsedImport } from './read/parse-import';
export { planImport } from './plan/plan-import';
export type { ImportOptions, ImportPlan } from './plan/plan-import';
export type { ImportedRecord } from './plan/context';
export type { ImportPreview, FiscalYearPreview, CatalogueCommandType } from './plan/preview';
export type { ImportChange, FieldChange, ChangeKind } from './plan/changes';
export { deriveSectionId, SECTION_ID_PATTERN } from './plan/section-id';
export { reasonCode } from './plan/project-rating';
export { buildTemplateXlsx, buildTemplateCsv, templateCsvName, VALIDATED_ROWS } from './template/build-template';
export * from './aggregate/import.aggregate';
export * from './batch/import-batch';
export { decideImport } from './batch/decide-import';
export type { ImportDecision, ImportDecisionOptions } from './batch/decide-import';
export { decideReversion } from './batch/decide-reversion';
export type { CatalogueHistory, ReversionOptions } from './batch/decide-reversion';
export type { SkippedYear } from './batch/skipped-years';
export { decideStep, stepDecider } from './batch/decide-step';
export * from './section-workbook';
export { summariseErrors, LISTED_ERRORS, ROWS_PER_COLUMN } from './row-error-summary';
export type { RowErrorSummary, ColumnErrors } from './row-error-summary';
export { IMPORT_MAX_ROWS } from './read/row-limit';
