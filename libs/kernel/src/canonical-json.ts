import canonicalize from 'canonicalize';

/** RFC 8785 canonical JSON: the same value always gives the same text (hash chains, equality). */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value cannot be represented as JSON');
  return text;
}

export const sameJson = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);
