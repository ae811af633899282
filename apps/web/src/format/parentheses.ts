import type { Language } from '../i18n/language';

/**
 * "B（遅れや修正）" in Japanese, "B (Delayed or changed)" in English: full-width parentheses belong to
 * Japanese text; English takes ASCII ones after a space.
 */
export function withAside(text: string, aside: string, language: Language): string {
  return language === 'ja' ? `${text}（${aside}）` : `${text} (${aside})`;
}
