import type { Actor } from '@pdca/kernel';
import type { ImportCommand } from './import.decide';

/** Who runs the import and when; the ward is the stream's. */
export interface ImportContext {
  actor: Actor;
  wardId: string;
  /** ISO instant; time is data. */
  now: string;
}

/** One command on an import stream: its own slice file (e.g. start-import.ts) defines it with its decide. */
export type ImportCommandOf<Type extends string, Data> = { type: Type; data: Data; context: ImportContext };

/** The union of every slice's command, derived from the dispatch table in import.decide.ts. */
export type { ImportCommand };
