import { isSealedText, SealedText } from './sealed-text';

type Json = unknown;

/**
 * Replaces the strings found at `paths` (dot paths, `*` for every element) with what `replace`
 * returns; copies only the objects on the way to a replaced value and returns `data` itself when
 * nothing matched.
 */
export function replaceAtPaths(
  data: Json,
  paths: readonly string[],
  replace: (text: string, path: string) => Json,
): Json {
  return paths.reduce((current, path) => replaceAt(current, path.split('.'), [], replace), data);
}

function replaceAt(
  value: Json,
  segments: string[],
  trail: string[],
  replace: (text: string, path: string) => Json,
): Json {
  if (segments.length === 0) return typeof value === 'string' && value !== '' ? replace(value, trail.join('.')) : value;
  if (typeof value !== 'object' || value === null) return value;
  const [head, ...rest] = segments;
  const keys = head === '*' ? Object.keys(value) : Object.prototype.hasOwnProperty.call(value, head) ? [head] : [];
  let copy: Record<string, Json> | Json[] | undefined;
  for (const key of keys) {
    const child = (value as Record<string, Json>)[key];
    const next = replaceAt(child, rest, [...trail, key], replace);
    if (next === child) continue;
    copy ??= Array.isArray(value) ? [...(value as Json[])] : { ...(value as Record<string, Json>) };
    (copy as Record<string, Json>)[key] = next;
  }
  return copy ?? value;
}

/** Every sealed text anywhere in `data`, with its path (whatever the field list says today). */
export function sealedTextsIn(data: Json, trail = ''): Array<{ path: string; envelope: SealedText }> {
  if (isSealedText(data)) return [{ path: trail, envelope: data }];
  if (typeof data !== 'object' || data === null) return [];
  return Object.entries(data).flatMap(([key, child]) => sealedTextsIn(child, trail ? `${trail}.${key}` : key));
}

/** `data` with every sealed text replaced by what `open` returns; `data` itself when it holds none. */
export function openSealedTexts(data: Json, open: (envelope: SealedText, path: string) => string, trail = ''): Json {
  if (isSealedText(data)) return open(data, trail);
  if (typeof data !== 'object' || data === null) return data;
  let copy: Record<string, Json> | Json[] | undefined;
  for (const [key, child] of Object.entries(data)) {
    const next = openSealedTexts(child, open, trail ? `${trail}.${key}` : key);
    if (next === child) continue;
    copy ??= Array.isArray(data) ? [...(data as Json[])] : { ...(data as Record<string, Json>) };
    (copy as Record<string, Json>)[key] = next;
  }
  return copy ?? data;
}
