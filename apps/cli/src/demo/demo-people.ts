import type { Actor } from '@pdca/kernel';

export const DEMO_WARD_ID = 'nerima';

/**
 * The demo's sections with a development user each (infra/scripts/setup.js creates them with the
 * same usernames and section ids; a test keeps the two in step). Each shows one situation of the
 * open cycle; every other section follows the rotation in demo-scenario.ts.
 */
export const DEMO_SECTIONS = {
  /** こども家庭部 保育課 (7 items): submitted everything; the council approved some, the rest wait. */
  submittedEverything: { username: 'hoiku', sectionId: 'sec_a41bf1db20568f32' },
  /** 教育委員会事務局 学務課 (2 items): late, one draft saved and never submitted. */
  late: { username: 'gakumu', sectionId: 'sec_8ef75c78f2084b54' },
  /** こども家庭部 子育て支援課 (17 items): submitted everything, one item returned by the council, some approved. */
  returned: { username: 'kosodate', sectionId: 'sec_570389d30dcd0e54' },
} as const;

export const planningOffice: Actor = { userId: 'kikaku', role: 'planning_office', wardId: DEMO_WARD_ID };
export const councilMember: Actor = { userId: 'iin', role: 'council_member', wardId: DEMO_WARD_ID };

/** The named sections act as their development users; the others as a clerk named after the section. */
export function sectionStaff(sectionId: string): Actor {
  const named = Object.values(DEMO_SECTIONS).find((s) => s.sectionId === sectionId);
  return { userId: named?.username ?? `staff-${sectionId}`, role: 'section_staff', wardId: DEMO_WARD_ID, sectionId };
}
