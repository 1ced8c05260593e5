import 'server-only';
import { adminErrors } from '@/lib/messages/admin-errors';
import { ZSetDirectoryLinkInput } from '@/lib/schemas/directory-link';
import { parseInput } from '@/lib/server/validation/parse-input';
import { recordEvent } from '@/lib/server/audit/record-event';
import { getActor, requirePermission } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';
import { DalError } from '@/lib/domain/errors';
import { serverEnv } from '@/lib/server/env';
import { getRequestContext } from '@/lib/server/request-context';

/*
 * Links between portal accounts and the city's directory (OpenID Connect). A directory sign-in
 * finds its account only by the ID token's issuer and subject stored here, never by a name the
 * token claims, so only an administrator decides which directory person is which portal account.
 */
export interface TDirectoryLinkRow {
  userId: string;
  loginId: string;
  displayName: string;
  issuer: string;
  subject: string;
}

export async function listDirectoryLinks(): Promise<{ links: TDirectoryLinkRow[]; configuredIssuer: string | null }> {
  const actor = await getActor();
  requirePermission(actor, 'account:manage');
  const users = await db().user.findMany({
    where: { oidcIssuer: { not: null } },
    orderBy: { loginId: 'asc' },
    select: { id: true, loginId: true, displayName: true, oidcIssuer: true, oidcSubject: true },
  });
  return {
    links: users.map((u) => ({ userId: u.id, loginId: u.loginId, displayName: u.displayName, issuer: u.oidcIssuer!, subject: u.oidcSubject! })),
    configuredIssuer: serverEnv().PORTAL_OIDC_ISSUER ?? null,
  };
}

/** Sets (issuer and subject) or clears (both empty) an account's directory link; recorded in the trail. */
export async function setDirectoryLink(input: unknown): Promise<{ linked: boolean }> {
  const actor = await getActor();
  requirePermission(actor, 'account:manage');
  const data = parseInput(ZSetDirectoryLinkInput, input);
  const link = data.issuer === '' ? null : { issuer: data.issuer, subject: data.subject };
  const context = await getRequestContext();
  return db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: data.userId }, select: { loginId: true, oidcIssuer: true, oidcSubject: true } });
    if (!before) throw new DalError('NOT_FOUND', adminErrors.accountNotFound);
    if (link) {
      const holder = await tx.user.findFirst({ where: { oidcIssuer: link.issuer, oidcSubject: link.subject, id: { not: data.userId } }, select: { loginId: true } });
      if (holder) throw new DalError('CONFLICT', adminErrors.directoryUserLinked(holder.loginId));
    }
    // The unique index (oidc_issuer, oidc_subject) settles a race between two administrators.
    await tx.user.update({ where: { id: data.userId }, data: { oidcIssuer: link?.issuer ?? null, oidcSubject: link?.subject ?? null } });
    await recordEvent(tx, {
      action: link ? 'account.directory-link' : 'account.directory-unlink',
      outcome: 'SUCCESS',
      actor,
      context,
      targetType: 'account',
      targetId: data.userId,
      details: {
        loginId: before.loginId,
        before: before.oidcIssuer ? { issuer: before.oidcIssuer, subject: before.oidcSubject } : null,
        after: link,
      },
    });
    return { linked: link !== null };
  });
}
