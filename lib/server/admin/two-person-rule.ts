import 'server-only';
import type { Prisma, Role } from '@/lib/generated/prisma/client';
import { adminMessages as m } from '@/lib/messages/admin';
import { recordStandaloneEvent } from '@/lib/server/audit/record-event';
import type { TActor } from '@/lib/server/auth/actor';
import { DalError } from '@/lib/domain/errors';
import type { TRequestContext } from '@/lib/server/request-context';

/*
 * The two-person rule. Whatever widens an administrator's own access — a role on their account, a
 * move to another department, a grant to them by name, to their department or to a role they hold —
 * is done by another administrator, so that no one person can open a restricted text or take a duty
 * for themselves unseen; the trail names both. No request/approval queue: the other administrator
 * simply makes the change on their own screen. For that to stay possible, a change that would leave
 * fewer than two active administrators (taking ADMIN from, or disabling, the last other one) is
 * refused; a lone administrator first makes a second one.
 */

type TUser = Extract<TActor, { kind: 'user' }>;
export type TTwoPersonReason = 'own-roles' | 'own-department' | 'own-grant' | 'last-other-administrator';

export class TwoPersonRuleError extends DalError {
  constructor(
    readonly reason: TTwoPersonReason,
    message: string,
  ) {
    super(reason === 'last-other-administrator' ? 'CONFLICT' : 'INVALID_INPUT', message);
  }
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Refuses a change of the actor's own roles or department (their display name they may change). */
export function refuseOwnAccessChange(actor: TUser, change: { userId: string; roles: readonly Role[]; departmentId: string | null }): void {
  if (change.userId !== actor.id) return;
  if (!sameSet(change.roles, actor.roles)) throw new TwoPersonRuleError('own-roles', m.twoPerson.ownRoles);
  if (change.departmentId !== actor.departmentId) throw new TwoPersonRuleError('own-department', m.twoPerson.ownDepartment);
}

/** Refuses a grant that would reach the actor: by name, through their department or through a role they hold. */
export function refuseOwnGrant(actor: TUser, target: { userId?: string; departmentId?: string; role?: Role }): void {
  if (target.userId === actor.id) throw new TwoPersonRuleError('own-grant', m.twoPerson.ownGrantUser);
  if (target.departmentId && target.departmentId === actor.departmentId) {
    throw new TwoPersonRuleError('own-grant', m.twoPerson.ownGrantDepartment(actor.departmentName ?? ''));
  }
  if (target.role && actor.roles.includes(target.role)) throw new TwoPersonRuleError('own-grant', m.twoPerson.ownGrantRole(m.roles[target.role]));
}

// One advisory lock key ("adms") for changes to who is an active administrator.
const ADMINISTRATORS_LOCK_KEY = 0x61646d73;

/**
 * Inside the transaction of a role or status change, before it is written: refuses it when it
 * would leave fewer than two active administrators. Takes the administrators' lock first, so two
 * administrators removing each other at once are counted one after the other (lock order:
 * administrators, then the audit chain in recordEvent).
 */
export async function keepTwoAdministrators(tx: Prisma.TransactionClient, change: { userId: string; remainsActiveAdministrator: boolean }): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMINISTRATORS_LOCK_KEY})`;
  if (change.remainsActiveAdministrator) return;
  const target = await tx.user.findUnique({ where: { id: change.userId }, select: { roles: true, status: true } });
  if (!target || target.status !== 'ACTIVE' || !target.roles.includes('ADMIN')) return;
  const others = await tx.user.count({ where: { id: { not: change.userId }, status: 'ACTIVE', roles: { has: 'ADMIN' } } });
  if (others < 2) throw new TwoPersonRuleError('last-other-administrator', m.twoPerson.lastOtherAdministrator);
}

/**
 * Runs a change; when the two-person rule refuses it, records the refusal in the trail (who tried
 * what on whom, and why) before passing the error on.
 */
export async function recordingRefusal<T>(
  attempt: { actor: TUser; context: TRequestContext; action: string; targetType: string; targetId?: string; details?: Record<string, unknown> },
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof TwoPersonRuleError) {
      await recordStandaloneEvent({
        action: attempt.action,
        outcome: 'DENIED',
        actor: attempt.actor,
        context: attempt.context,
        targetType: attempt.targetType,
        targetId: attempt.targetId,
        details: { ...attempt.details, reason: error.reason },
      });
    }
    throw error;
  }
}
