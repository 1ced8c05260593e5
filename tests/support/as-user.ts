/*
 * Integration tests call the data access layer as a given person through the real session
 * machinery: a session row, a next-auth JWT naming it, read back from the (test) cookie store.
 * Only the request's cookie store is stood in for, since there is no HTTP request here.
 */
import { encode } from 'next-auth/jwt';

export const cookieJar = new Map<string, string>();
export const requestHeaders = new Headers();

/**
 * The stand-in for next/headers; each test file mocks the module with it:
 *   vi.mock('next/headers', async () => (await import('../support/as-user')).nextHeadersMock);
 */
export const nextHeadersMock = {
  cookies: async () => ({ get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name)! } : undefined) }),
  headers: async () => requestHeaders,
};

export async function signInAs(loginId: string | null): Promise<string | null> {
  cookieJar.clear();
  if (!loginId) return null;
  const { db } = await import('@/lib/server/db');
  const { createSession } = await import('@/lib/server/auth/sessions');
  const { cookieNames } = await import('@/lib/server/auth/session-cookie');
  const user = await db().user.findUniqueOrThrow({ where: { loginId }, select: { id: true } });
  const session = await createSession({ userId: user.id, userAgent: 'vitest', clientAddress: '127.0.0.1' });
  cookieJar.set(cookieNames().sessionToken, await encode({ token: { sid: session.id }, secret: process.env.NEXTAUTH_SECRET! }));
  return session.id;
}
