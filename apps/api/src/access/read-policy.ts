import { forbidden } from '@pdca/kernel';
import type { Actor, Role } from '@pdca/kernel';

/**
 * Who sees what, in one place (README "Who sees what"). The rule: section staff see their own
 * section's items in every state and, of everything else, only what a published report version
 * shows, i.e. what the public sees. The roles that oversee the cycle see every section's work.
 * Views computed over every section's unpublished work (the draft report now or as known at a
 * time, its difference, the summary, the council's queue) are therefore not for section staff:
 * they cannot be cut down to one section without misleading (a summary of one section's ratings
 * is not the year's summary), and the published ones are one call away under /public.
 * Anything not named here sees nothing unpublished: a new role starts with no access.
 */
const OVERSIGHT = ['planning_office', 'council_member', 'auditor'] as const satisfies readonly Role[];

/** The roles each read route admits; routes name their group with @Roles(...READERS.x). */
export const READERS = {
  /**
   * Reference data (catalogue, cycles: the guard's default for a route without @Roles is the same
   * roles), and views cut to what each reader may see (item lists, one item, inboxes, multi-year).
   */
  staff: [...OVERSIGHT, 'section_staff'],
  /** Views over every section's unpublished work. */
  wholeYearUnpublished: [...OVERSIGHT],
  /** Every event with who, role, when and why: the auditors and the office that answers to them. */
  auditTrail: ['planning_office', 'auditor'],
  /** Who was reminded and how late they were: the office that reminds, and the auditors. */
  reminderLedger: ['planning_office', 'auditor'],
} as const satisfies Record<string, readonly Role[]>;

/** May this reader see the unpublished work (drafts, submissions, reviews) of this section? The public (undefined) never. */
export function seesUnpublishedWorkOf(reader: Actor | undefined, sectionId: string): boolean {
  if (!reader) return false;
  if (reader.role === 'section_staff') return reader.sectionId === sectionId;
  return (OVERSIGHT as readonly Role[]).includes(reader.role);
}

/** Refuses one section's item or inbox to a reader who may not see it. */
export function assertSeesUnpublishedWorkOf(reader: Actor, sectionId: string): void {
  if (seesUnpublishedWorkOf(reader, sectionId)) return;
  if (reader.role === 'section_staff') {
    throw forbidden(
      'NOT_YOUR_SECTION',
      'この取組・指標は他の事業実施課の担当です。',
      'This item belongs to another section.',
      { owner: sectionId },
    );
  }
  throw forbidden('ROLE_NOT_ALLOWED', 'この操作を行う権限がありません。', 'Your role may not do this.', {
    role: reader.role,
  });
}

/** The items of a list this reader may see, in their order. */
export function visibleItems<T extends { sectionId: string }>(reader: Actor, items: T[]): T[] {
  return items.filter((item) => seesUnpublishedWorkOf(reader, item.sectionId));
}
