import { invalid } from './domain-error';

/**
 * Ids become keys of plain objects (catalogue maps, JSON): names that exist on every object
 * (__proto__, constructor, toString…) would alias its prototype, so they are never ids.
 */
export const RESERVED_IDS: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);

export const isSafeId = (id: string): boolean => !RESERVED_IDS.has(id);

/** A pattern for ids of the given characters and length that excludes the reserved names. */
export function safeIdPattern(characters: string, maxLength: number): RegExp {
  const reserved = [...RESERVED_IDS].map((name) => name.replace(/[$]/g, '\\$')).join('|');
  return new RegExp(`^(?!(?:${reserved})$)[${characters}]{1,${maxLength}}$`);
}

export function assertSafeId(id: string, field: string): void {
  if (!isSafeId(id)) {
    throw invalid('RESERVED_ID', `「${id}」はIDとして使えません。`, `"${id}" cannot be used as an id.`, { field });
  }
}
