import { dispatchByType } from '@pdca/kernel';
import { decideAbandonBatch } from './abandon-batch';
import { decideCompleteImport } from './complete-import';
import { decideCompleteReversion } from './complete-reversion';
import { decideStartImport } from './start-import';
import { decideStartReversion } from './start-reversion';

/** Every command on an import stream, by type: one line per slice (a new command adds its file and a line here). */
const DECIDE_BY_TYPE = {
  StartImport: decideStartImport,
  CompleteImport: decideCompleteImport,
  AbandonBatch: decideAbandonBatch,
  StartReversion: decideStartReversion,
  CompleteReversion: decideCompleteReversion,
};

/** The import stream's decide: a dispatch to the command's slice. */
export const decideImportRun = dispatchByType(DECIDE_BY_TYPE, 'import command');
export type ImportCommand = Parameters<typeof decideImportRun>[0];
