/**
 * Plain codes beside the printed labels (L1-08: no platform-dependent characters in codes): the
 * ward prints Ⅰ, 1①, A+, *; programs get 1, 1-1, A_PLUS, NOT_SUITED.
 */
const ROMAN = /[\u2160-\u216B\u2170-\u217B]/g;
const CIRCLED = /[\u2460-\u2473]/g;

/** Ⅰ→1, Ⅻ→12, ①→1, "1①"→"1-1", "3(1)①"→"3-1-1", 関連1→REL1, full-width to ASCII (NFKC), spaces to _. */
export function codeOf(label: string): string {
  return label
    .replace(ROMAN, (c) => String(((c.codePointAt(0)! - 0x2160) % 16) + 1))
    .replace(
      CIRCLED,
      (c, offset: number, whole: string) =>
        `${offset > 0 && /[0-9０-９)）]/.test(whole[offset - 1]) ? '-' : ''}${c.codePointAt(0)! - 0x2460 + 1}`,
    )
    .normalize('NFKC')
    .trim()
    .replace(/^関連/, 'REL') // 関連する事業: the plan's list of related projects printed elsewhere
    .replace(/\((\d+)\)/g, (_, n: string, offset: number) => `${offset > 0 ? '-' : ''}${n}`) // 3(1) → 3-1
    .replace(/\s+/g, '_');
}

const RATING_CODES: Record<string, string> = { '+': '_PLUS', '*': 'NOT_SUITED', '-': 'NOTHING_PLANNED' };

/** A rating symbol as an ASCII code: A+ → A_PLUS, * → NOT_SUITED, - → NOTHING_PLANNED; letters stay. */
export const ratingCode = (symbol: string): string => symbol.replace(/[+*-]/g, (c) => RATING_CODES[c]);

const ERAS: Record<string, number> = { 令和: 2018, 平成: 1988, 昭和: 1925, R: 2018, H: 1988, S: 1925 };

/** The Western year of a 和暦 date or fiscal year as the ward writes it (令和4年度末 → 2022, R6 → 2024); undefined when it has none. */
export function westernYear(text: string): number | undefined {
  const normal = text.normalize('NFKC');
  const era = /(令和|平成|昭和|(?<![A-Za-z])[RHS])\s*(元|\d{1,2})(?!\d)/.exec(normal);
  if (era) return ERAS[era[1]] + (era[2] === '元' ? 1 : Number(era[2]));
  const western = /(?<!\d)(?:19|20)\d{2}(?!\d)/.exec(normal);
  return western ? Number(western[0]) : undefined;
}
