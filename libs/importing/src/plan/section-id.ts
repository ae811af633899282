import { createHash } from 'node:crypto';
import type { CatalogueState, SectionData } from '@pdca/catalogue';

/**
 * The id of a responsible section, from its 部 and 課 (Japanese names have no reliable ASCII slug):
 * `sec_` + the first 16 hex digits of SHA-256 over NFKC(部) + "\n" + NFKC(課), each with
 * whitespace removed. Deterministic across imports and machines, ASCII, 20 characters.
 * A section already in the catalogue with the same 部 and 課 keeps its id, so sections registered
 * by hand are not duplicated.
 */
export function deriveSectionId(department: string, name: string): string {
  const digest = createHash('sha256')
    .update(`${sectionKey(department)}\n${sectionKey(name)}`, 'utf8')
    .digest('hex');
  return `sec_${digest.slice(0, 16)}`;
}

export const SECTION_ID_PATTERN = /^[a-z0-9_]{1,40}$/;

const sectionKey = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

export function sectionIdFor(current: CatalogueState, department: string, name: string): string {
  const key = `${sectionKey(department)}\n${sectionKey(name)}`;
  const existing = Object.values(current.sections).find(
    (s: SectionData) => `${sectionKey(s.department)}\n${sectionKey(s.name)}` === key,
  );
  return existing?.sectionId ?? deriveSectionId(department, name);
}
