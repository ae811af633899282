import type { ItemView } from '../api/types';

/** A KPI value as stored: the text typed, with the figure and unit the server parsed from it. */
type StoredValue = string | { text: string; number?: number; unit?: string };

const textOf = (value: StoredValue | undefined) =>
  value === undefined ? undefined : typeof value === 'string' ? value : value.text;

/** The actual of a project or KPI as plain strings, whatever shape the server stored it in. */
export function actualStrings(actual: ItemView['actual'] | Record<string, unknown> | undefined): {
  text?: string;
  value?: string;
  asOf?: string;
} {
  if (!actual) return {};
  const a = actual as { text?: string; value?: StoredValue; asOf?: string };
  return { text: a.text, value: textOf(a.value), asOf: a.asOf };
}
