/** The per-stream chain is computed beside the stores (the SQLite writer links it); audit verifies it. */
export { chainEvents, GENESIS, hashOf, headOf } from '@pdca/event-store';
export type { ChainHead } from '@pdca/event-store';
