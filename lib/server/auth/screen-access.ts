import 'server-only';
import { getActor, PermissionDeniedError, refusePermission } from '@/lib/server/auth/actor';
import type { TPermission } from '@/lib/server/auth/permissions';

/*
 * The role-gated screens and the permissions that open them (any one of those listed). A page
 * asks here before it reads anything, so that a person without the role gets the screen's 403
 * page rather than a page with nothing in it; the DAL functions the page then calls check again.
 */
export const SCREEN_PERMISSIONS = {
  approvals: ['revision:approve'],
  audit: ['audit:read', 'audit:read-admin'],
  admin: ['account:manage'],
  'admin-departments': ['department:manage'],
  'document-new': ['document:manage'],
} as const satisfies Record<string, readonly TPermission[]>;

export type TScreen = keyof typeof SCREEN_PERMISSIONS;

/**
 * Throws PermissionDeniedError: 'sign-in' for an anonymous reader, the permission for anyone else
 * without it; a signed-in person's refusal is recorded in the audit trail like any other.
 */
export async function requireScreen(screen: TScreen): Promise<void> {
  const actor = await getActor();
  if (actor.kind !== 'user') throw new PermissionDeniedError('sign-in');
  const permissions: readonly TPermission[] = SCREEN_PERMISSIONS[screen];
  if (!permissions.some((permission) => actor.permissions.has(permission))) throw refusePermission(actor, permissions[0]!, { action: `screen.${screen}`, targetType: 'screen', targetId: screen });
}
