/**
 * Bidirectional control characters (U+202A–U+202E embeddings and overrides, U+2066–U+2069
 * isolates) make text display in another order than it is stored ("Trojan Source",
 * CVE-2021-42574): a note could read differently in the report than in the audit trail. No
 * Japanese or English text needs them, so commands refuse them rather than silently dropping them.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** The path (`actual.text`, `reposts.0.sectionTitle`) of every string in a JSON body holding one. */
export function fieldsWithBidiControls(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return BIDI_CONTROL.test(value) ? [path] : [];
  if (Array.isArray(value))
    return value.flatMap((item, index) => fieldsWithBidiControls(item, join(path, String(index))));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [
      ...(BIDI_CONTROL.test(key) ? [join(path, key)] : []),
      ...fieldsWithBidiControls(item, join(path, key)),
    ]);
  }
  return [];
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
