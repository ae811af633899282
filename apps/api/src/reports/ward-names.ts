/**
 * Display names for the title of reports. The seeds' wards are known; any other ward shows its id
 * until the catalogue carries the municipality's name (a planned catalogue field).
 */
const KNOWN: Record<string, string> = { nerima: '練馬区', taisho: '大正区' };

export const wardName = (wardId: string): string => KNOWN[wardId] ?? wardId;
