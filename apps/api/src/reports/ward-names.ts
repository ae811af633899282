/**
 * Display names for the title of reports. The seeds' wards are known; any other ward shows its id
 * until the catalogue carries the municipality's name (a planned catalogue field).
 */
const KNOWN: Record<string, string> = { nerima: '練馬区', taisho: '大正区' };

export const wardName = (wardId: string): string => KNOWN[wardId] ?? wardId;

/** The office that issues the report, printed on the PDF's cover (seed 002 is issued by 企画課). */
const ISSUING_OFFICES: Record<string, string> = { nerima: '企画部 企画課' };

export const issuingOffice = (wardId: string): string | undefined => ISSUING_OFFICES[wardId];
