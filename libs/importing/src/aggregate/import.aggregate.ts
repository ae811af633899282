import type { Decider } from '@pdca/kernel';
import type { ImportCommand } from './import.decide';
import { decideImportRun } from './import.decide';
import type { ImportEvent } from './import.events';
import { evolveImport } from './import.evolve';
import { initialImportStream } from './import.state';
import type { ImportStreamState } from './import.state';

export * from './import.events';
export * from './import.state';
export type { ImportCommand, ImportContext, ImportCommandOf } from './import.commands';
export { decideImportRun };
export { importNotFound } from './import.errors';
export { evolveImport };

/** One stream per set of files: `import-{ward}-{first 16 hex of the files' digest}`. */
export const importStream = (wardId: string, streamKey: string) => `import-${wardId}-${streamKey}`;

export const importDecider: Decider<ImportStreamState, ImportCommand, ImportEvent> = {
  decide: decideImportRun,
  evolve: evolveImport,
  initialState: initialImportStream,
};
