import 'server-only';
import { recordEvent, recordStandaloneEvent } from '@/lib/server/audit/record-event';
import { createSession } from '@/lib/server/auth/sessions';
import { db } from '@/lib/server/db';
import type { TRequestContext } from '@/lib/server/request-context';

export const DIRECTORY_PROVIDER_ID = 'city-directory';

/** What the directory's verified ID token says: issuer and subject identify; the username is only recorded. */
export interface TDirectoryIdentity {
  issuer: string;
  subject: string;
  preferredUsername?: string | null;
}

export type TDirectorySignInResult = { ok: true; userId: string; sessionId: string } | { ok: false; reason: 'unlinked' | 'account-disabled' | 'invalid' };

const CLAIM = /^[^\u0000-\u001f\u007f]{1,500}$/;

/**
 * A sign-in through the city's directory. The account is the one an administrator linked to this
 * issuer and subject (lib/server/admin/directory-links.ts); a subject nobody linked is refused, and
 * the token's preferred_username never selects an account, even when it equals a login id.
 */
export async function signInWithDirectory(identity: TDirectoryIdentity, context: TRequestContext): Promise<TDirectorySignInResult> {
  const claimed = typeof identity.preferredUsername === 'string' ? identity.preferredUsername.slice(0, 200) : null;
  const refuse = async (reason: 'unlinked-subject' | 'account-disabled' | 'invalid-claims', user: { id: string; loginId: string } | null) => {
    await recordStandaloneEvent({
      action: 'auth.sign-in',
      outcome: 'FAILED',
      actor: user ? { id: user.id, loginId: user.loginId } : undefined,
      context,
      details: { provider: DIRECTORY_PROVIDER_ID, reason, issuer: identity.issuer?.slice(0, 500) ?? null, subject: identity.subject?.slice(0, 500) ?? null, claimedUsername: claimed },
    });
  };
  if (typeof identity.issuer !== 'string' || typeof identity.subject !== 'string' || !CLAIM.test(identity.issuer) || !CLAIM.test(identity.subject)) {
    await refuse('invalid-claims', null);
    return { ok: false, reason: 'invalid' };
  }
  const user = await db().user.findUnique({
    where: { oidcIssuer_oidcSubject: { oidcIssuer: identity.issuer, oidcSubject: identity.subject } },
    select: { id: true, loginId: true, status: true, roles: true, department: { select: { code: true } } },
  });
  if (!user) {
    await refuse('unlinked-subject', null);
    return { ok: false, reason: 'unlinked' };
  }
  if (user.status !== 'ACTIVE') {
    await refuse('account-disabled', user);
    return { ok: false, reason: 'account-disabled' };
  }
  const session = await db().$transaction(async (tx) => {
    const created = await createSession({ userId: user.id, userAgent: context.userAgent, clientAddress: context.clientAddress }, tx);
    await recordEvent(tx, {
      action: 'auth.sign-in',
      outcome: 'SUCCESS',
      actor: { id: user.id, loginId: user.loginId, roles: user.roles, departmentCode: user.department?.code ?? null },
      context,
      details: { provider: DIRECTORY_PROVIDER_ID, issuer: identity.issuer, subject: identity.subject },
    });
    return created;
  });
  return { ok: true, userId: user.id, sessionId: session.id };
}
