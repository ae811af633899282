import type { NerimaRating } from '../schemes/nerima/nerima.rating';
import type { OrdinalRating } from '../schemes/ordinal/ordinal.rating';
import type { TaishoRating } from '../schemes/taisho/taisho.rating';

export * from '../schemes/nerima/nerima.rating';
export * from '../schemes/taisho/taisho.rating';
export * from '../schemes/ordinal/ordinal.rating';
export * from '../schemes/ordinal/ordinal.scale';

/** One variant per scheme; a new variant does not compile until the registry (schemes/registry.ts) has its scheme. */
export type Rating = NerimaRating | TaishoRating | OrdinalRating;
export type Scheme = Rating['scheme'];
