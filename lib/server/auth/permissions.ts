import 'server-only';
import type { Role } from '@/lib/generated/prisma/enums';

/*
 * The one permission table. Every read and write in lib/server asks it; screens may use `can`
 * to hide a button, never to protect anything.
 */
export const PERMISSIONS = [
  /** read STAFF documents (every signed-in account has it, whatever its roles) */
  'document:read-staff',
  /** read every document, RESTRICTED ones included, because the duty needs it */
  'document:read-all',
  /** create documents and change their metadata, visibility and public excerpts */
  'document:manage',
  /** see drafts, rejected and withdrawn revisions and review decisions */
  'revision:read-all',
  'revision:draft',
  'revision:approve',
  'audit:read',
  /** read the administrative part of the audit trail */
  'audit:read-admin',
  'account:manage',
  'department:manage',
  'grant:manage',
] as const;
export type TPermission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS = {
  STAFF: ['document:read-staff'],
  EDITOR: ['document:read-staff', 'document:read-all', 'document:manage', 'revision:read-all', 'revision:draft'],
  APPROVER: ['document:read-staff', 'document:read-all', 'revision:read-all', 'revision:approve'],
  AUDITOR: ['document:read-staff', 'document:read-all', 'revision:read-all', 'audit:read'],
  // ADMIN manages accounts and grants; by that role alone it neither reads RESTRICTED documents nor approves.
  ADMIN: ['document:read-staff', 'account:manage', 'department:manage', 'grant:manage', 'audit:read-admin'],
} as const satisfies Record<Role, readonly TPermission[]>;

/** Permissions every signed-in account has, whatever its roles. */
const SIGNED_IN_PERMISSIONS: readonly TPermission[] = ['document:read-staff'];

export function permissionsOf(roles: readonly Role[]): Set<TPermission> {
  return new Set<TPermission>([...SIGNED_IN_PERMISSIONS, ...roles.flatMap((role) => ROLE_PERMISSIONS[role])]);
}
