import type { ImportEntry } from './import-types';

const key = (wardId: string) => `pdca.office.imports.${wardId}`;

/** Imports confirmed from this browser, kept for the session so they can be reverted after a reload. */
export function recentImports(wardId: string): ImportEntry[] {
  try {
    return JSON.parse(sessionStorage.getItem(key(wardId)) ?? '[]') as ImportEntry[];
  } catch {
    return [];
  }
}

export function rememberImport(wardId: string, entry: ImportEntry): ImportEntry[] {
  const list = [entry, ...recentImports(wardId).filter((e) => e.importId !== entry.importId)].slice(0, 50);
  try {
    sessionStorage.setItem(key(wardId), JSON.stringify(list));
  } catch {
    /* storage full or disabled: the list lasts for this page only */
  }
  return list;
}
