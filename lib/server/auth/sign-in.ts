import 'server-only';
import { z } from 'zod';
import { recordEvent, recordStandaloneEvent } from '@/lib/server/audit/record-event';
import { verifyPassword, MAX_PASSWORD_LENGTH } from '@/lib/server/auth/password';
import { createSession } from '@/lib/server/auth/sessions';
import { lockedBy, refundAttempt, reserveAttempt, throttleKeys } from '@/lib/server/auth/throttle';
import { db } from '@/lib/server/db';
import type { TRequestContext } from '@/lib/server/request-context';

export const ZCredentials = z.object({
  // A control character (NUL above all) would reach the throttle and account queries as a database error.
  loginId: z.string().trim().min(1).max(100).regex(/^[^\u0000-\u001f\u007f]*$/),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

export type TSignInResult = { ok: true; userId: string; sessionId: string } | { ok: false; reason: 'invalid' | 'throttled' };

/**
 * Checks a login id and password. An unknown id, a wrong password and a disabled account give
 * the same answer after the same work (a password verification always runs); a throttled id or
 * address is refused before any verification. The attempt is counted before the password is
 * verified (lib/server/auth/throttle.ts) and given back when it was right, so parallel guesses
 * cannot slip past the limit. Every attempt is recorded.
 */
export async function signInWithPassword(input: unknown, context: TRequestContext): Promise<TSignInResult> {
  const parsed = ZCredentials.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const { loginId, password } = parsed.data;
  const keys = throttleKeys(loginId, context.clientAddress);

  const reserved = await reserveAttempt(keys);
  if (!reserved) {
    await recordStandaloneEvent({ action: 'auth.sign-in', outcome: 'DENIED', actor: { loginId }, context, details: { reason: 'throttled' } });
    return { ok: false, reason: 'throttled' };
  }

  const user = await db().user.findUnique({
    where: { loginId },
    select: { id: true, loginId: true, passwordHash: true, status: true, roles: true, department: { select: { code: true } } },
  });
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !passwordOk || user.status !== 'ACTIVE') {
    const lockedNow = lockedBy(reserved);
    await recordStandaloneEvent({
      action: 'auth.sign-in',
      outcome: 'FAILED',
      actor: { loginId, id: user?.id ?? null },
      context,
      details: { reason: !user ? 'unknown-login-id' : user.status !== 'ACTIVE' ? 'account-disabled' : 'wrong-password', ...(lockedNow ? { throttled: true } : {}) },
    });
    if (lockedNow) await recordStandaloneEvent({ action: 'auth.throttle', outcome: 'DENIED', actor: { loginId }, context, details: { keys: keys.map((k) => k.key.split(':')[0]) } });
    return { ok: false, reason: 'invalid' };
  }

  await refundAttempt(reserved);
  const session = await db().$transaction(async (tx) => {
    const created = await createSession({ userId: user.id, userAgent: context.userAgent, clientAddress: context.clientAddress }, tx);
    await recordEvent(tx, {
      action: 'auth.sign-in',
      outcome: 'SUCCESS',
      actor: { loginId: user.loginId, id: user.id, roles: user.roles, departmentCode: user.department?.code ?? null },
      context,
    });
    return created;
  });
  return { ok: true, userId: user.id, sessionId: session.id };
}
