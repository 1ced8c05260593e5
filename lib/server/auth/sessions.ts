import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { wallClock } from '@/lib/server/clock';
import { db } from '@/lib/server/db';
import { serverEnv } from '@/lib/server/env';

// Writing last_seen_at on every request would turn every read into a write; a minute is
// precise enough for an idle timeout counted in minutes.
const TOUCH_INTERVAL_MS = 60_000;

type TSessionClient = Pick<Prisma.TransactionClient, 'userSession'>;

export async function createSession(input: { userId: string; userAgent: string | null; clientAddress: string | null }, client: TSessionClient = db()): Promise<{ id: string; expiresAt: Date }> {
  const env = serverEnv();
  const started = wallClock();
  return client.userSession.create({
    data: {
      userId: input.userId,
      createdAt: started,
      lastSeenAt: started,
      expiresAt: new Date(started.getTime() + env.PORTAL_SESSION_MAX_HOURS * 3_600_000),
      userAgent: input.userAgent?.slice(0, 500) ?? null,
      clientAddress: input.clientAddress,
    },
    select: { id: true, expiresAt: true },
  });
}

/**
 * The session and its account, when the session is still alive: not revoked, within its absolute
 * lifetime and idle timeout, issued after the account's last "sessions valid after" mark, and the
 * account active. Anything else is no session at all.
 */
export async function loadLiveSession(sessionId: string) {
  if (!/^[0-9a-f-]{36}$/.test(sessionId)) return null;
  const session = await db().userSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      createdAt: true,
      lastSeenAt: true,
      expiresAt: true,
      revokedAt: true,
      user: {
        select: {
          id: true,
          loginId: true,
          displayName: true,
          roles: true,
          status: true,
          departmentId: true,
          sessionsValidAfter: true,
          department: { select: { code: true, name: true } },
        },
      },
    },
  });
  if (!session) return null;
  const at = wallClock();
  const idleLimit = serverEnv().PORTAL_SESSION_IDLE_MINUTES * 60_000;
  const alive =
    !session.revokedAt &&
    session.expiresAt > at &&
    at.getTime() - session.lastSeenAt.getTime() <= idleLimit &&
    session.createdAt >= session.user.sessionsValidAfter &&
    session.user.status === 'ACTIVE';
  if (!alive) return null;
  if (at.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db().userSession.update({ where: { id: session.id }, data: { lastSeenAt: at } });
  }
  return session;
}

export async function revokeSession(sessionId: string, client: TSessionClient = db()): Promise<void> {
  if (!/^[0-9a-f-]{36}$/.test(sessionId)) return;
  await client.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: wallClock() } });
}
