import type { Messages } from './messages.ja';

type Dictionary = Partial<Messages>;

let english: Dictionary | undefined;
let loading: Promise<Dictionary> | undefined;
/** Role bundles' English strings that arrived before the dictionary did. */
const early: Dictionary = {};

/**
 * The English dictionary downloads only when English is chosen (Japanese first: most users never
 * need it, and its ~5 KB compressed were in every first screen's main script).
 */
export function loadEnglish(): Promise<Dictionary> {
  loading ??= import('./messages.en').then(({ en }) => (english = Object.assign(en, early)));
  return loading;
}

/** The dictionary if it has arrived (it has, whenever the page shows English). */
export const loadedEnglish = (): Dictionary | undefined => english;

/** A role's bundle adds its English strings (role-messages.ts), loaded or not. */
export function addEnglish(strings: Dictionary): void {
  Object.assign(english ?? early, strings);
}
