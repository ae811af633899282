import { SCHEME_LABELS } from '../../../../libs/review/src/schemes/labels';
import type { Language } from '../i18n/language';

/**
 * The schemes' names come from the schemes themselves (libs/review/src/schemes/<id>/<id>.labels.ts),
 * shared by path rather than fetched: they are static, and a cycle's list must not wait on a request.
 */
export type SchemeId = keyof typeof SCHEME_LABELS;

const labelsOf = (scheme: string) =>
  (SCHEME_LABELS as Partial<Record<string, (typeof SCHEME_LABELS)[SchemeId]>>)[scheme];

/** A scheme this build does not know (a newer server) shows its id rather than another scheme's name. */
export const schemeName = (scheme: string, language: Language): string => labelsOf(scheme)?.name[language] ?? scheme;
export const schemeHint = (scheme: string, language: Language): string => labelsOf(scheme)?.hint[language] ?? '';
