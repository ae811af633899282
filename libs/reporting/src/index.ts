export * from './template-version';
export * from './publication-info';
export * from './html/render-report-html';
export * from './csv/render-report-csv';
export * from './csv/render-summary-csv';
export * from './csv/csv-cell';
export * from './json/report-json';
export * from './json/render-report-json';
export * from './xlsx/render-report-xlsx';
export * from './pdf/render-report-pdf';
export {
  defaultReportFontPath,
  MISSING_GLYPH,
  REPORT_FONT_PACKAGE,
  ReportFontMissingError,
  reportFontPath,
} from './pdf/report-font';
export type { Chart } from './charts/scene';
export * from './publication-fingerprint';
export * from './publication-verification';
export * from './feeds';
export * from './provenance';
export * from './open-data/machine-readable';
export * from './reprojection';
