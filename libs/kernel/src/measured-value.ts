/**
 * KPI and project values as wards write them: a number with a unit ("計206所", "年間2,221人",
 * "92.1%") or words ("検討", "実施", "策定"). The text is kept verbatim; the number and unit
 * are extracted when there is exactly one leading figure, so achievement can be computed.
 */
export interface MeasuredValue {
  text: string;
  number?: number;
  unit?: string;
}

const FIGURE =
  /^(?<prefix>[^\d０-９]*?)(?<digits>[\d０-９][\d０-９,，]*(?:[.．][\d０-９]+)?)\s*(?<unit>[^\d\s（(〔【]*)/u;

export function parseMeasuredValue(raw: string): MeasuredValue {
  const text = raw.trim();
  const match = FIGURE.exec(toHalfWidthDigits(text));
  if (!match?.groups || match.groups.prefix.length > 4) return { text };
  const number = Number(match.groups.digits.replace(/,/g, ''));
  if (!Number.isFinite(number)) return { text };
  const unit = match.groups.unit.trim();
  return unit ? { text, number, unit } : { text, number };
}

function toHalfWidthDigits(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/，/g, ',')
    .replace(/．/g, '.');
}

/**
 * Progress toward the target in percent: (actual − baseline) / (target − baseline).
 * Only when all three are numbers in the same unit and the target differs from the baseline.
 */
export function achievementPercent(
  baseline: MeasuredValue,
  target: MeasuredValue,
  actual: MeasuredValue,
): number | undefined {
  const values = [baseline, target, actual];
  if (values.some((v) => v.number === undefined)) return undefined;
  if (new Set(values.map((v) => v.unit ?? '')).size !== 1) return undefined;
  const span = target.number! - baseline.number!;
  if (span === 0) return undefined;
  return Math.round(((actual.number! - baseline.number!) / span) * 1000) / 10;
}
