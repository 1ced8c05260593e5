import 'server-only';
import { commonErrors } from '@/lib/messages/errors';
import { cookies } from 'next/headers';
import { cache } from 'react';
import type { Role } from '@/lib/generated/prisma/enums';
import { readSessionId } from '@/lib/server/auth/session-cookie';
import { loadLiveSession } from '@/lib/server/auth/sessions';
import { permissionsOf, type TPermission } from '@/lib/server/auth/permissions';
import { recordRefusal } from '@/lib/server/audit/record-refusal';

/*
 * Who is asking. Resolved once per request (React `cache`) and never passed in by callers:
 * every DAL function asks for it itself. The session cookie only names a session; the account's
 * roles, department and status are read from the database on every request, so disabling an
 * account or removing a role takes effect on the very next request.
 */
export type TActor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      id: string;
      loginId: string;
      displayName: string;
      roles: Role[];
      departmentId: string | null;
      departmentCode: string | null;
      departmentName: string | null;
      sessionId: string;
      permissions: ReadonlySet<TPermission>;
    };

export const ANONYMOUS: TActor = { kind: 'anonymous' };

export const getActor = cache(async (): Promise<TActor> => {
  const sessionId = await readSessionId(await cookies());
  if (!sessionId) return ANONYMOUS;
  const live = await loadLiveSession(sessionId);
  if (!live) return ANONYMOUS;
  const { user } = live;
  return {
    kind: 'user',
    id: user.id,
    loginId: user.loginId,
    displayName: user.displayName,
    roles: user.roles,
    departmentId: user.departmentId,
    departmentCode: user.department?.code ?? null,
    departmentName: user.department?.name ?? null,
    sessionId,
    permissions: permissionsOf(user.roles),
  };
});

export function can(actor: TActor, permission: TPermission): boolean {
  return actor.kind === 'user' && actor.permissions.has(permission);
}

export class PermissionDeniedError extends Error {
  /** set once the refusal is in the audit trail, so that the wrappers do not record it again */
  recorded = false;
  constructor(readonly permission: TPermission | 'sign-in') {
    super(permission === 'sign-in' ? commonErrors.signInRequired : commonErrors.forbidden);
    this.name = 'PermissionDeniedError';
  }
}

/** What a refused caller attempted, for the audit trail; by default the permission's name (`revision:approve` → `revision.approve`). */
export interface TAttempt {
  action?: string;
  targetType?: string;
  targetId?: string;
}

/**
 * The refusal of a permission, recorded in the audit trail (after the response, in a transaction
 * of its own: it commits even though the refused write rolls back). Throw what it returns.
 */
export function refusePermission(actor: TActor, permission: TPermission, attempt: TAttempt = {}): PermissionDeniedError {
  const error = new PermissionDeniedError(actor.kind === 'user' ? permission : 'sign-in');
  error.recorded = true;
  void recordRefusal({
    actor,
    action: attempt.action ?? permission.replace(':', '.'),
    targetType: attempt.targetType,
    targetId: attempt.targetId,
    reason: actor.kind === 'user' ? permission : 'sign-in',
  }).catch((failure: unknown) => console.error('recording a refusal failed', failure));
  return error;
}

/** Throws unless the actor holds the permission; the check every DAL read and write starts with. Every refusal is recorded. */
export function requirePermission(actor: TActor, permission: TPermission, attempt?: TAttempt): asserts actor is Extract<TActor, { kind: 'user' }> {
  if (actor.kind !== 'user' || !actor.permissions.has(permission)) throw refusePermission(actor, permission, attempt);
}
