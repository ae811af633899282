import { ALL_ROLES, DOMAIN_ROLES, requireRole, ROLE_LABELS } from './actor';
import { DomainError } from './domain-error';

describe('roles', () => {
  const operator = { userId: 'unyo', role: 'operator' as const, wardId: 'nerima' };

  it('the operator is a role but not a domain role, and has a label in both languages', () => {
    expect(ALL_ROLES).toContain('operator');
    expect(DOMAIN_ROLES).not.toContain('operator');
    expect(ROLE_LABELS.operator).toEqual({ ja: '運用担当', en: 'operator (IT staff)' });
  });

  it('requireRole refuses the operator whatever domain roles a decide allows', () => {
    for (const allowed of [DOMAIN_ROLES, ...DOMAIN_ROLES.map((role) => [role])]) {
      expect(() => requireRole(operator, ...allowed)).toThrow(DomainError);
    }
  });
});
