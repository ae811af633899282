/** 令和5年, 令和４年度, R5年: the Reiwa year in a text (half- or full-width digits), with what follows it. */
const REIWA_YEAR = /(令和\s*|R)([0-9０-９]+)(\s*年)/g;

const halfWidth = (digits: string) => digits.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/**
 * Moves every Reiwa year named in a text by `years`: FY R4's notes ("令和5年4月1日現在", "令和4年度の
 * 実績") read as the open year's when the demo reuses them for a later fiscal year. Only Reiwa years:
 * the reference texts name no other era, and a Heisei year could not move across the era's start.
 */
export function shiftReiwaYears(text: string, years: number): string {
  if (years === 0) return text;
  return text.replace(REIWA_YEAR, (whole, era: string, digits: string, suffix: string) => {
    const year = Number(halfWidth(digits)) + years;
    return year >= 1 ? `${era}${year}${suffix}` : whole;
  });
}
