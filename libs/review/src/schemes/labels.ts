import { NERIMA_LABELS } from './nerima/nerima.labels';
import { ORDINAL_LABELS } from './ordinal/ordinal.labels';
import { TAISHO_LABELS } from './taisho/taisho.labels';

/**
 * Every scheme's names, one line each, shared with the web app (apps/web imports this file by path:
 * it has no imports beyond the schemes' own label files, so it compiles there too). registry.ts
 * checks that it has every scheme the domain has.
 */
export const SCHEME_LABELS = {
  nerima: NERIMA_LABELS,
  taisho: TAISHO_LABELS,
  ordinal: ORDINAL_LABELS,
} as const;

export type SchemeLabels = (typeof SCHEME_LABELS)[keyof typeof SCHEME_LABELS];
