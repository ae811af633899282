import { ruleViolation } from '@pdca/kernel';

/**
 * Data rows one upload may hold, over all its tables. Nerima's whole action plan with its KPIs is
 * about 570 rows; 5,000 leaves room for the largest wards while keeping a preview's memory and
 * answer small (a 100,000-row file once grew the API by 1 GB). Reading stops at the limit.
 */
export const IMPORT_MAX_ROWS = 5_000;

export const tooManyRows = (source: string, rows: number) =>
  ruleViolation(
    'IMPORT_TOO_MANY_ROWS',
    `取り込める行数は1回あたり${IMPORT_MAX_ROWS.toLocaleString('ja-JP')}行までです（「${source}」は${rows.toLocaleString('ja-JP')}行以上あります）。ファイルを分けて取り込んでください。`,
    `An import may hold at most ${IMPORT_MAX_ROWS.toLocaleString('en-US')} data rows (${source} has ${rows.toLocaleString('en-US')} or more); split the file.`,
    { field: 'files', limit: IMPORT_MAX_ROWS, rows, file: source },
  );
