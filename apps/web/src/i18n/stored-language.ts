import type { Language } from './language';

export const LANGUAGE_STORAGE_KEY = 'pdca.language';

/** The language chosen on this browser; Japanese unless English was. */
export function storedLanguage(): Language {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY) === 'en' ? 'en' : 'ja';
  } catch {
    return 'ja';
  }
}
