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
  /** see who has acknowledged which revision: in the actor's own unit and the units below it (ACK_SCOPE) */
  'acknowledgment:read',
  /** export those figures (.xlsx, CSV) */
  'acknowledgment:export',
] as const;
export type TPermission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS = {
  STAFF: ['document:read-staff'],
  EDITOR: ['document:read-staff', 'document:read-all', 'document:manage', 'revision:read-all', 'revision:draft'],
  APPROVER: ['document:read-staff', 'document:read-all', 'revision:read-all', 'revision:approve'],
  AUDITOR: ['document:read-staff', 'document:read-all', 'revision:read-all', 'audit:read', 'acknowledgment:read', 'acknowledgment:export'],
  // ADMIN manages accounts and grants; by that role alone it neither reads RESTRICTED documents nor approves.
  ADMIN: ['document:read-staff', 'account:manage', 'department:manage', 'grant:manage', 'audit:read-admin'],
  CISO: ['document:read-staff', 'acknowledgment:read', 'acknowledgment:export'],
  SECURITY_GENERAL: ['document:read-staff', 'acknowledgment:read', 'acknowledgment:export'],
  SECURITY_RESPONSIBLE: ['document:read-staff', 'acknowledgment:read', 'acknowledgment:export'],
  SECURITY_MANAGER: ['document:read-staff', 'acknowledgment:read', 'acknowledgment:export'],
} as const satisfies Record<Role, readonly TPermission[]>;

/*
 * Whose acknowledgments a role sees (docs/decisions/018): 'city' everyone's; 'unit' those of the
 * holder's own department and every unit below it (a 課長's 課, a 部長's 部), so a transfer moves
 * the scope with the person; 'none' only one's own. The widest scope among an actor's roles applies.
 * AUDITOR reads everything, as everywhere, and changes nothing.
 */
export const ACK_SCOPE = {
  STAFF: 'none',
  EDITOR: 'none',
  APPROVER: 'none',
  AUDITOR: 'city',
  ADMIN: 'none',
  CISO: 'city',
  SECURITY_GENERAL: 'city',
  SECURITY_RESPONSIBLE: 'unit',
  SECURITY_MANAGER: 'unit',
} as const satisfies Record<Role, 'city' | 'unit' | 'none'>;
export type TAckScope = (typeof ACK_SCOPE)[Role];

export function ackScopeOf(roles: readonly Role[]): TAckScope {
  const scopes = roles.map((role) => ACK_SCOPE[role]);
  return scopes.includes('city') ? 'city' : scopes.includes('unit') ? 'unit' : 'none';
}

/** Roles that read every document, RESTRICTED ones included (for checking what another person may read). */
export const READ_ALL_ROLES = (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((role) => (ROLE_PERMISSIONS[role] as readonly TPermission[]).includes('document:read-all'));

/** Permissions every signed-in account has, whatever its roles. */
const SIGNED_IN_PERMISSIONS: readonly TPermission[] = ['document:read-staff'];

export function permissionsOf(roles: readonly Role[]): Set<TPermission> {
  return new Set<TPermission>([...SIGNED_IN_PERMISSIONS, ...roles.flatMap((role) => ROLE_PERMISSIONS[role])]);
}
