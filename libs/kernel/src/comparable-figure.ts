/**
 * The figure of a KPI value that can be set against its target. Wards often report a year's actual as
 * the year's increment with the running total in brackets (「9所 (定員485人) 〔計206所〕」) while the
 * baseline and the target are totals (「計197所」, 「計206所」). The leading figure (9) then compares an
 * increment with totals and gives −2088.9 %; the comparable figure is the one written like the target:
 * the same words before it (計, 年間, 導入計) and the same unit.
 */
export interface Figure {
  /** The words before the number in its part of the text: 計, 年間, 定員, or nothing. */
  prefix: string;
  number: number;
  unit: string;
}

const FIGURE = /^(?<prefix>[^\d]*?)(?<digits>\d[\d,]*(?:\.\d+)?)(?<unit>[^\d\s]*)/u;

const halfWidth = (text: string) =>
  text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/，/g, ',')
    .replace(/．/g, '.');

/** Every figure of a value, in the order written: the first of each piece between brackets or spaces. */
export function figuresOf(text: string): Figure[] {
  const figures: Figure[] = [];
  for (const piece of halfWidth(text).split(/[\s〔〕()（）【】［］[\]]+/u)) {
    const match = FIGURE.exec(piece);
    if (!match?.groups || match.groups.prefix.length > 4) continue;
    const number = Number(match.groups.digits.replace(/,/g, ''));
    if (Number.isFinite(number)) figures.push({ prefix: match.groups.prefix, number, unit: match.groups.unit });
  }
  return figures;
}

const sameKind = (a: Figure) => (b: Figure) => a.prefix === b.prefix && a.unit === b.unit;
/** A total (計…) is comparable to a target written without 計 (「457床」 against 「〔計457床〕」); never the reverse. */
const totalOf = (a: Figure) => (b: Figure) => b.prefix === `計${a.prefix}` && a.unit === b.unit;

/** The figure of `value` written like the target's (first) figure, if it has one. */
export function comparableFigure(value: string, target: string): number | undefined {
  const [like] = figuresOf(target);
  if (!like) return undefined;
  const figures = figuresOf(value);
  return (figures.find(sameKind(like)) ?? figures.find(totalOf(like)))?.number;
}

/**
 * Progress toward the target in percent, (actual − baseline) / (target − baseline), on the figures of
 * baseline and actual written like the target's. Undefined where one has none or the target equals
 * the baseline.
 */
export function comparableAchievementPercent(baseline: string, target: string, actual: string): number | undefined {
  const [goal] = figuresOf(target);
  const start = comparableFigure(baseline, target);
  const reached = comparableFigure(actual, target);
  if (goal === undefined || start === undefined || reached === undefined || goal.number === start) return undefined;
  return Math.round(((reached - start) / (goal.number - start)) * 1000) / 10;
}

/** The actual as a share of the target in percent, on the figure written like the target's. */
export function comparableShareOfTarget(actual: string, target: string): number | undefined {
  const [goal] = figuresOf(target);
  const reached = comparableFigure(actual, target);
  if (!goal?.number || reached === undefined) return undefined;
  return Math.round((reached / goal.number) * 1000) / 10;
}
