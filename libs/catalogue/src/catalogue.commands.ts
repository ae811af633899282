import type { Actor } from '@pdca/kernel';
import type { CatalogueCommand } from './catalogue.decide';

/** One command on the catalogue: its own slice file (e.g. project/register-project.ts) defines it with its decide. */
export type CatalogueCommandOf<Type extends string, Data> = { type: Type; data: Data; actor: Actor };

/** The union of every slice's command, derived from the dispatch table in catalogue.decide.ts. */
export type { CatalogueCommand };
