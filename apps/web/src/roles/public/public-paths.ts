/** Web and API addresses of the public reports (a version is omitted for the latest). */
export const publicWebPath = (wardId: string, fiscalYear: number, version?: number) =>
  `/reports/${encodeURIComponent(wardId)}/${fiscalYear}${version === undefined ? '' : `/versions/${version}`}`;

export function publicReportPath(
  wardId: string,
  fiscalYear: number,
  version: number | undefined,
  format: string,
  table?: string,
): string {
  const base = `/public/wards/${encodeURIComponent(wardId)}/reports/${fiscalYear}${version === undefined ? '' : `/versions/${version}`}`;
  return `${base}?format=${format}${table ? `&table=${table}` : ''}`;
}
