import type { Actor, Role } from '@pdca/kernel';
import { assertSeesUnpublishedWorkOf, READERS, seesUnpublishedWorkOf, visibleItems } from './read-policy';

const actor = (role: Role, sectionId?: string): Actor => ({ userId: 'u', role, wardId: 'nerima', sectionId });
const hoiku = actor('section_staff', 'hoiku');

describe('read policy', () => {
  it("a section sees its own unpublished work and no other section's", () => {
    expect(seesUnpublishedWorkOf(hoiku, 'hoiku')).toBe(true);
    expect(seesUnpublishedWorkOf(hoiku, 'gakumu')).toBe(false);
    expect(seesUnpublishedWorkOf(actor('section_staff'), 'hoiku')).toBe(false);
  });

  it('the overseeing roles see every section; the public none; an unknown role none', () => {
    for (const role of ['planning_office', 'council_member', 'auditor'] as Role[])
      expect(seesUnpublishedWorkOf(actor(role), 'gakumu')).toBe(true);
    expect(seesUnpublishedWorkOf(undefined, 'gakumu')).toBe(false);
    expect(seesUnpublishedWorkOf(actor('operator'), 'gakumu')).toBe(false);
  });

  it('refuses another section with NOT_YOUR_SECTION, any other role with ROLE_NOT_ALLOWED', () => {
    expect(() => assertSeesUnpublishedWorkOf(hoiku, 'gakumu')).toThrow(
      expect.objectContaining({ code: 'NOT_YOUR_SECTION' }),
    );
    expect(() => assertSeesUnpublishedWorkOf(actor('operator'), 'gakumu')).toThrow(
      expect.objectContaining({ code: 'ROLE_NOT_ALLOWED' }),
    );
    expect(() => assertSeesUnpublishedWorkOf(hoiku, 'hoiku')).not.toThrow();
  });

  it("cuts a list to the reader's items, in order", () => {
    const items = [
      { id: 1, sectionId: 'hoiku' },
      { id: 2, sectionId: 'gakumu' },
      { id: 3, sectionId: 'hoiku' },
    ];
    expect(visibleItems(hoiku, items).map((i) => i.id)).toEqual([1, 3]);
    expect(visibleItems(actor('auditor'), items)).toEqual(items);
  });

  it('whole-year views, the audit trail and the ledger are not for section staff', () => {
    for (const group of [READERS.wholeYearUnpublished, READERS.auditTrail, READERS.reminderLedger])
      expect(group).not.toContain('section_staff');
    expect(READERS.staff).toContain('section_staff');
    expect(READERS.reminderLedger).not.toContain('council_member');
  });
});
