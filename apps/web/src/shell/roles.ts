import type { Role } from '../api/types';

/** Which roles may open which area; the API decides too, this only keeps screens honest. */
export const AREA_ROLES = {
  section: ['section_staff'],
  council: ['council_member'],
  office: ['planning_office'],
  audit: ['auditor', 'planning_office'],
  operator: ['operator'],
} as const satisfies Record<string, readonly Role[]>;

export type Area = keyof typeof AREA_ROLES;

export const mayUse = (role: Role, area: Area) => (AREA_ROLES[area] as readonly Role[]).includes(role);
