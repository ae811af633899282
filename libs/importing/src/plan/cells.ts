/** Ids and codes: full-width letters and digits, Roman numeral signs (Ⅰ) and the like folded to ASCII. */
export const normalizeId = (cell: string): string => cell.normalize('NFKC').trim();

export const ID_PATTERN = /^[\x21-\x7e]{1,40}$/;

/** Dashes as Japanese documents write them; '一' (kanji one) is a common stand-in in PDFs and Excel. */
const DASHES = /^[—－―‐ー−–一-]$/;

export function normalizeGrade(cell: string): string {
  const value = cell.normalize('NFKC').replace(/\s+/g, '');
  return DASHES.test(value) ? '-' : value;
}

/** 2022, ２０２２, 2022年度, 令和4年度, R4, 平成30年度, H30 → the Western starting year. */
export function parseFiscalYear(cell: string): number | undefined {
  const value = cell.normalize('NFKC').replace(/\s+/g, '').replace(/年度$/, '');
  if (/^\d{4}$/.test(value)) return inRange(Number(value));
  const era = /^(令和|平成|R|H)(\d{1,2}|元)$/i.exec(value);
  if (!era) return undefined;
  const year = era[2] === '元' ? 1 : Number(era[2]);
  const base = /^(令和|R)$/i.test(era[1]) ? 2018 : 1988;
  return inRange(base + year);
}

const inRange = (year: number) => (year >= 2000 && year <= 2099 ? year : undefined);
