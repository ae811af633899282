import { parse as parseUuid, v5 as uuidv5 } from 'uuid';

/** A fixed namespace for this product's deterministic event ids. */
const NAMESPACE = parseUuid('6f0b7a52-3c1e-4f4e-9d2a-5b0c1e7d9a01');

/**
 * The id of the n-th event a command appends to a stream. Same command, same stream, same
 * index → same id, so a retried append is recognised as the same write by every adapter.
 * The name goes in as UTF-8 bytes and the namespace pre-parsed: uuid's own string path
 * (unescape(encodeURIComponent(…)) and a parse per call) was 2 % of a command's CPU.
 */
export const eventIdFor = (commandId: string, stream: string, index: number): string =>
  uuidv5(Buffer.from(`${commandId}\u0000${stream}\u0000${index}`, 'utf8'), NAMESPACE);

/**
 * The id of the first event of a command sent with an Idempotency-Key: derived from the key alone,
 * not the stream, so the store's unique event ids refuse the same key on any other stream, in every
 * process that shares the store (the stream name '' is never a real stream).
 */
export const keyEventIdFor = (commandId: string): string => eventIdFor(commandId, '', 0);

/** The ids a command's first event on a stream may have: the key's own, or (before key ids, and without a key) the stream's. */
export const firstEventIdsFor = (commandId: string, stream: string): string[] => [
  keyEventIdFor(commandId),
  eventIdFor(commandId, stream, 0),
];
