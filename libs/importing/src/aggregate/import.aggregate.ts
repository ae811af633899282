import { decideImportRun } from './import.decide';
import { evolveImport } from './import.evolve';
import { initialImportStream } from './import.state';

export * from './import.events';
export * from './import.state';
export type { ImportCommand } from './import.decide';
export { decideImportRun, importNotFound } from './import.decide';
export { evolveImport };

/** One stream per set of files: `import-{ward}-{first 16 hex of the files' digest}`. */
export const importStream = (wardId: string, streamKey: string) => `import-${wardId}-${streamKey}`;

export const importDecider = { decide: decideImportRun, evolve: evolveImport, initialState: initialImportStream };
