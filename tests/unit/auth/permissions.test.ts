import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES, permissionsOf, type TPermission } from '@/lib/server/auth/permissions';

// The whole table, written out once more by hand: a change to who may do what must change this test.
const EXPECTED: Record<(typeof ROLES)[number], TPermission[]> = {
  STAFF: ['document:read-staff'],
  EDITOR: ['document:read-staff', 'document:read-all', 'document:manage', 'revision:read-all', 'revision:draft'],
  APPROVER: ['document:read-staff', 'document:read-all', 'revision:read-all', 'revision:approve'],
  AUDITOR: ['document:read-staff', 'document:read-all', 'revision:read-all', 'audit:read'],
  ADMIN: ['document:read-staff', 'account:manage', 'department:manage', 'grant:manage', 'audit:read-admin'],
};

describe('permission table', () => {
  for (const role of ROLES) {
    for (const permission of PERMISSIONS) {
      const allowed = EXPECTED[role].includes(permission);
      it(`${role} ${allowed ? 'may' : 'may not'} ${permission}`, () => {
        expect(permissionsOf([role]).has(permission)).toBe(allowed);
      });
    }
  }

  it('ADMIN neither reads restricted documents nor approves by that role', () => {
    const admin = permissionsOf(['ADMIN']);
    expect(admin.has('document:read-all')).toBe(false);
    expect(admin.has('revision:approve')).toBe(false);
  });

  it('an account with no role still reads STAFF documents, and nothing more', () => {
    expect([...permissionsOf([])]).toEqual(['document:read-staff']);
  });

  it('roles add up', () => {
    expect(permissionsOf(['STAFF', 'AUDITOR']).has('audit:read')).toBe(true);
  });
});
