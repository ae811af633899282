/**
 * The layout every renderer in this library follows. A published report pins this value, so that
 * regenerating it later can prove it used the same layout: any change to what a rendered report
 * shows or where (columns, labels, order, charts, styles) bumps the number.
 *
 * report-template/2 (issue 14): cover, 目次, 表の見方, summary, Part 1 (KPIs), Part 2 (action plan),
 * appendix with the tamper-evidence record. Versions published under report-template/1 keep their
 * old PDF and HTML layout (pdf/layout-v1, html/layout-v1), so they still render to their bytes.
 */
export const TEMPLATE_VERSION = 'report-template/5';
export const TEMPLATE_VERSION_1 = 'report-template/1';

/**
 * report-template/3 (issue 14): a Taisho cycle prints in seed 004's own layout and words
 * (layout/taisho). Versions pinned to /1 or /2 keep the layout they were published with.
 */
export const usesTaishoLayout = (scheme: string, templateVersion: string) =>
  scheme === 'taisho' && !['report-template/1', 'report-template/2'].includes(templateVersion);

/** True when the publication was pinned to the first layout (interleaved per plan, chain heads last). */
export const usesLayoutV1 = (templateVersion: string) => templateVersion === TEMPLATE_VERSION_1;

/**
 * report-template/3 (issue 14): Nerima's Part 1 adds, per plan, each KPI's values over the years the ward
 * has (a table, and a line chart of it) in HTML, PDF and Excel. Versions pinned to /1 or /2 keep their bytes.
 */
export const usesKpiYears = (templateVersion: string) =>
  !['report-template/1', 'report-template/2'].includes(templateVersion);

/**
 * report-template/4 (issue 14): the flat data (report CSV, the workbook's flat sheets, the open-data
 * files) gain columns at their end: a repost's original name and the part it covers, and a Taisho
 * initiative's 業績目標の達成状況, 予定どおり実施, 課題 and 改善策 (its 前年度末の現況 headed 前年度までの実績);
 * the Taisho layout adds its initiatives' results over the years. A new version rather than new columns
 * for all: a version pinned to /1–/3 is a record already downloaded and must keep its bytes, and
 * columns appended at the end leave programs that read the old ones by position working.
 */
export const usesFlatDataV4 = (templateVersion: string) =>
  !['report-template/1', 'report-template/2', 'report-template/3'].includes(templateVersion);

/**
 * report-template/5 (issue 14, the printer's check of FY R4): 達成度 and the multi-year chart compare the
 * figure of a value written like the target's (「〔計206所〕」 against 「計206所」, not the year's 「9所」,
 * which printed −2088.9 %); the chart over the years is drawn once the ward has two years to draw (one
 * year is the table above it); the verification line dates its checkpoint in 和暦, Japan time. A new
 * version so that versions pinned to /1–/4 keep their bytes.
 */
export const usesComparableFigures = (templateVersion: string) =>
  !['report-template/1', 'report-template/2', 'report-template/3', 'report-template/4'].includes(templateVersion);

/**
 * report-template/5: the Nerima workbook adds the printed report's parts before its flat sheets — 表の見方,
 * 集計, 第1部 KPI, 第2部 アクションプラン laid out like the PDF (Taisho's has had its parts since /3).
 */
export const usesNerimaPartSheets = usesComparableFigures;

/*
 * report-template/5, amended before anything was published under it (the printer's second look at FY R4,
 * issue 14). Each predicate below is true from /5 on; versions pinned to /1–/4 keep their bytes.
 */

/** 表の見方 says how 達成度 reads a value written with a bracketed total (「9所 (定員485人) 〔計206所〕」). */
export const explainsComparableFigures = usesComparableFigures;

/**
 * A table over the years is printed once there are two years: with one, its only column repeats the
 * year's table above it (Nerima's 年度別実績, Taisho's 成果指標 and 業績目標 over the years).
 */
export const yearTablesNeedTwoYears = usesComparableFigures;

/**
 * The PDF keeps a heading with what follows it, never leaves a table's first row (or a numbered
 * section's heading row) alone at the bottom of a page, nor its last row alone at the top of one.
 */
export const keepsWithNext = usesComparableFigures;

/**
 * 公表情報 prints the data position, the template and the verification address, fingerprint and
 * checkpoint as one block worded for a resident (検証用情報), not as rows of the publication table.
 */
export const usesVerificationBlock = usesComparableFigures;
