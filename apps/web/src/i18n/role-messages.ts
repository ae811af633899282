import { addEnglish } from './english';
import { ja, MessageKey } from './messages.ja';

/**
 * A role's bundle adds its strings to the dictionaries when it loads, before its screens render
 * (the office's ~600 lines stay out of every other role's first download). In place: `t` reads
 * the same objects.
 */
export function addRoleMessages(
  roleJa: Partial<Record<MessageKey, string>>,
  roleEn: Partial<Record<MessageKey, string>>,
): void {
  Object.assign(ja, roleJa);
  addEnglish(roleEn);
}
