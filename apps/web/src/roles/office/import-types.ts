/** Shapes of POST /wards/{w}/imports/previews and POST /wards/{w}/imports (apps/api/src/imports). */
export interface RowError {
  table: string;
  row: number;
  column: string;
  value?: string;
  code: string;
  messageJa: string;
  messageEn: string;
}

export interface ColumnErrors {
  table: string;
  column: string;
  code: string;
  count: number;
  rows: number[];
  messageJa: string;
  messageEn: string;
}

export interface ImportChange {
  action: 'added' | 'changed';
  id: string;
  table: string;
  row: number;
  summaryJa: string;
  summaryEn: string;
}

export interface ImportDecisionView {
  valid: boolean;
  errorCount: number;
  errors: RowError[];
  errorsByColumn: ColumnErrors[];
  catalogueCommands: number;
  records: unknown[];
  recordsSkipped: unknown[];
  recordsUnchanged: number;
  preview: {
    commands: Record<string, number>;
    repostPlacements: number;
    changes: ImportChange[];
    changesTotal: number;
    unchanged: number;
    fiscalYears: Array<{ fiscalYear: number; projects: number; kpis: number; unrated: number }>;
    /** Accepted rows worth a look (REPOST_RATING_DIFFERS); absent from answers of older servers. */
    warnings?: RowError[];
  };
}

export interface ImportResult extends Partial<ImportDecisionView> {
  importId?: string;
  files?: Array<{ name: string; bytes?: number }>;
  replayed: boolean;
  nothingToImport?: boolean;
  projected?: boolean;
}

/** One import as GET /wards/{w}/imports lists it (apps/api/src/imports/import-list.ts). */
export interface ImportEntry {
  importId: string;
  files: string[];
  importedAt: string;
  importedBy?: string;
  records: number;
  catalogueCommands: number;
  status: 'completed' | 'reverted' | 'started' | 'reverting' | 'abandoned';
  revertedAt?: string;
  revertReason?: string;
}
