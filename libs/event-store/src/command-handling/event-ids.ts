import { v5 as uuidv5 } from 'uuid';

/** A fixed namespace for this product's deterministic event ids. */
const NAMESPACE = '6f0b7a52-3c1e-4f4e-9d2a-5b0c1e7d9a01';

/**
 * The id of the n-th event a command appends to a stream. Same command, same stream, same
 * index → same id, so a retried append is recognised as the same write by every adapter.
 */
export const eventIdFor = (commandId: string, stream: string, index: number): string => uuidv5(`${commandId}\u0000${stream}\u0000${index}`, NAMESPACE);
