import 'server-only';
import { adminErrors } from '@/lib/messages/admin-errors';
import type { Role } from '@/lib/generated/prisma/enums';
import { ZAccountTargetInput, ZCreateAccountInput, ZSetAccountStatusInput, ZUpdateAccountInput } from '@/lib/schemas/admin';
import { parseInput } from '@/lib/server/validation/parse-input';
import { keepTwoAdministrators, recordingRefusal, refuseOwnAccessChange } from '@/lib/server/admin/two-person-rule';
import { recordEvent } from '@/lib/server/audit/record-event';
import { getActor, requirePermission } from '@/lib/server/auth/actor';
import { generatePassword, hashPassword } from '@/lib/server/auth/password';
import { dateColumn, todayInJapan, wallClock } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { DalError } from '@/lib/domain/errors';
import { getRequestContext } from '@/lib/server/request-context';

export interface TAccountRow {
  id: string;
  loginId: string;
  displayName: string;
  department: { code: string; name: string } | null;
  roles: Role[];
  status: 'ACTIVE' | 'DISABLED';
  createdAt: string;
}

export async function listAccounts(): Promise<TAccountRow[]> {
  const actor = await getActor();
  requirePermission(actor, 'account:manage');
  const users = await db().user.findMany({
    orderBy: { loginId: 'asc' },
    select: { id: true, loginId: true, displayName: true, roles: true, status: true, createdAt: true, department: { select: { code: true, name: true } } },
  });
  return users.map((u) => ({ ...u, createdAt: u.createdAt.toISOString() }));
}

async function departmentIdOf(code: string | null): Promise<string | null> {
  if (!code) return null;
  const department = await db().department.findUnique({ where: { code }, select: { id: true } });
  if (!department) throw new DalError('INVALID_INPUT', adminErrors.departmentNotFound);
  return department.id;
}

/** Creates an account with a generated password, returned once to be handed over; never stored in clear. */
export async function createAccount(input: unknown): Promise<{ userId: string; loginId: string; password: string }> {
  const actor = await getActor();
  requirePermission(actor, 'account:manage');
  const data = parseInput(ZCreateAccountInput, input);
  const departmentId = await departmentIdOf(data.departmentCode);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const context = await getRequestContext();
  return db().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { loginId: data.loginId }, select: { id: true } })) {
      throw new DalError('CONFLICT', adminErrors.loginIdTaken(data.loginId));
    }
    const user = await tx.user.create({
      data: { loginId: data.loginId, displayName: data.displayName, departmentId, roles: data.roles, passwordHash, departmentSince: dateColumn(todayInJapan()) },
      select: { id: true, loginId: true },
    });
    await recordEvent(tx, {
      action: 'account.create',
      outcome: 'SUCCESS',
      actor,
      context,
      targetType: 'account',
      targetId: user.id,
      details: { loginId: user.loginId, roles: data.roles, departmentCode: data.departmentCode },
    });
    return { userId: user.id, loginId: user.loginId, password };
  });
}

/**
 * Changes name, department and roles. An administrator cannot take ADMIN away from themselves,
 * and their own roles and department are changed by another administrator (two-person-rule.ts).
 */
export async function updateAccount(input: unknown): Promise<void> {
  const actor = await getActor();
  requirePermission(actor, 'account:manage');
  const data = parseInput(ZUpdateAccountInput, input);
  if (data.userId === actor.id && !data.roles.includes('ADMIN')) {
    throw new DalError('INVALID_INPUT', adminErrors.ownAdminRole);
  }
  const departmentId = await departmentIdOf(data.departmentCode);
  const context = await getRequestContext();
  const attempt = { actor, context, action: 'account.update', targetType: 'account', targetId: data.userId, details: { roles: data.roles, departmentCode: data.departmentCode } };
  await recordingRefusal(attempt, async () => {
    refuseOwnAccessChange(actor, { userId: data.userId, roles: data.roles, departmentId });
    await db().$transaction(async (tx) => {
      await keepTwoAdministrators(tx, { userId: data.userId, remainsActiveAdministrator: data.roles.includes('ADMIN') });
        const before = await tx.user.findUnique({ where: { id: data.userId }, select: { roles: true, displayName: true, departmentId: true, department: { select: { code: true } } } });
      if (!before) throw new DalError('NOT_FOUND', adminErrors.accountNotFound);
      // a transfer: acknowledgment tasks of the new unit are due counted from today (ADR 018)
      const moved = before.departmentId !== departmentId ? { departmentSince: dateColumn(todayInJapan()) } : {};
      await tx.user.update({ where: { id: data.userId }, data: { displayName: data.displayName, departmentId, roles: data.roles, ...moved } });
      await recordEvent(tx, {
        action: 'account.update',
        outcome: 'SUCCESS',
        actor,
        context,
        targetType: 'account',
        targetId: data.userId,
        details: {
          before: { roles: before.roles, departmentCode: before.department?.code ?? null, displayName: before.displayName },
          after: { roles: data.roles, departmentCode: data.departmentCode, displayName: data.displayName },
        },
      });
    });
  });
}

/** A new password, returned once; every session of the account ends. */
export async function resetPassword(input: unknown): Promise<{ password: string }> {
  const actor = await getActor();
  requirePermission(actor, 'account:manage');
  const { userId } = parseInput(ZAccountTargetInput, input);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const context = await getRequestContext();
  await db().$transaction(async (tx) => {
    const updated = await tx.user.updateMany({ where: { id: userId }, data: { passwordHash, sessionsValidAfter: wallClock() } });
    if (updated.count === 0) throw new DalError('NOT_FOUND', adminErrors.accountNotFound);
    await recordEvent(tx, { action: 'account.password-reset', outcome: 'SUCCESS', actor, context, targetType: 'account', targetId: userId });
  });
  return { password };
}

/** Disables or re-enables an account; disabling ends its sessions at once. Accounts are never deleted. */
export async function setAccountStatus(input: unknown): Promise<void> {
  const actor = await getActor();
  requirePermission(actor, 'account:manage');
  const { userId, status } = parseInput(ZSetAccountStatusInput, input);
  if (userId === actor.id && status === 'DISABLED') throw new DalError('INVALID_INPUT', adminErrors.ownAccountDisabled);
  const context = await getRequestContext();
  const action = status === 'DISABLED' ? 'account.disable' : 'account.enable';
  await recordingRefusal({ actor, context, action, targetType: 'account', targetId: userId }, () =>
    db().$transaction(async (tx) => {
      await keepTwoAdministrators(tx, { userId, remainsActiveAdministrator: status === 'ACTIVE' });
      const updated = await tx.user.updateMany({
        where: { id: userId },
        data: status === 'DISABLED' ? { status, sessionsValidAfter: wallClock() } : { status },
      });
      if (updated.count === 0) throw new DalError('NOT_FOUND', adminErrors.accountNotFound);
      await recordEvent(tx, { action, outcome: 'SUCCESS', actor, context, targetType: 'account', targetId: userId });
    }),
  );
}
