import 'server-only';
import { getActor } from '@/lib/server/auth/actor';
import type { TPermission } from '@/lib/server/auth/permissions';

export interface TViewer {
  displayName: string;
  loginId: string;
  roles: string[];
  departmentName: string | null;
  /** for showing or hiding links only; every action checks again in lib/server */
  can: Partial<Record<TPermission, true>>;
}

/** The signed-in person for the header and menus, or null for an anonymous reader. */
export async function getViewer(): Promise<TViewer | null> {
  const actor = await getActor();
  if (actor.kind !== 'user') return null;
  return {
    displayName: actor.displayName,
    loginId: actor.loginId,
    roles: actor.roles,
    departmentName: actor.departmentName,
    can: Object.fromEntries([...actor.permissions].map((p) => [p, true])),
  };
}
