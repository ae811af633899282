import { forbidden } from './domain-error';

/** The roles of the review itself: every domain permission is granted to one of these. */
export const DOMAIN_ROLES = ['section_staff', 'planning_office', 'council_member', 'auditor'] as const;

/**
 * `operator` is IT staff (運用担当): it runs the service (the queue dashboard) and has no domain
 * permission at all, so no decide and no ward route lets it in unless the route names it.
 */
export const ALL_ROLES = [...DOMAIN_ROLES, 'operator'] as const;

export type Role = (typeof ALL_ROLES)[number];

/** Who issues a command: travels into decide (for rules) and into event metadata (for audit). */
export interface Actor {
  userId: string;
  role: Role;
  /** The ward (municipality) the user works for. */
  wardId: string;
  /** Set for section staff only: the one section they may act for. */
  sectionId?: string;
}

export const ROLE_LABELS: Record<Role, { ja: string; en: string }> = {
  section_staff: { ja: '事業実施課', en: 'section staff' },
  planning_office: { ja: '企画課', en: 'planning office' },
  council_member: { ja: '区政改革推進会議委員', en: 'council member' },
  auditor: { ja: '監査', en: 'auditor' },
  operator: { ja: '運用担当', en: 'operator (IT staff)' },
};

export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (roles.includes(actor.role)) return;
  const ja = roles.map((r) => ROLE_LABELS[r].ja).join('・');
  const en = roles.map((r) => ROLE_LABELS[r].en).join(', ');
  throw forbidden('ROLE_NOT_ALLOWED', `この操作は${ja}のみ行えます。`, `Only ${en} may do this.`, {
    role: actor.role,
    allowed: roles,
  });
}
