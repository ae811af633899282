/** A date-only deadline means the end of that day in Japan: 2023-05-31 → 2023-05-31T14:59:59.999Z. */
export function deadlineInstant(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T23:59:59.999+09:00`).toISOString();
  return new Date(value).toISOString();
}
