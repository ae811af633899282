import type { FormValues } from './form-values';

/**
 * What the user typed, kept in sessionStorage until the server has it: a sign-in that expired
 * mid-sentence, a reload or a network failure never loses it.
 */
const keyOf = (scope: string) => `pdca.form.${scope}`;

export function saveBackup(scope: string, values: FormValues): void {
  try {
    sessionStorage.setItem(keyOf(scope), JSON.stringify(values));
  } catch {
    /* storage full or disabled: the autosave still runs */
  }
}

export function readBackup(scope: string): FormValues | undefined {
  try {
    const text = sessionStorage.getItem(keyOf(scope));
    return text ? (JSON.parse(text) as FormValues) : undefined;
  } catch {
    return undefined;
  }
}

export function clearBackup(scope: string): void {
  try {
    sessionStorage.removeItem(keyOf(scope));
  } catch {
    /* nothing to clear */
  }
}
