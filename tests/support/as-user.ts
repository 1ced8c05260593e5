/*
 * Integration tests call the data access layer as a given person through the real session
 * machinery: a session row, a next-auth JWT naming it, read back from the (test) cookie store.
 * Only the request's cookie store is stood in for, since there is no HTTP request here.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { encode } from 'next-auth/jwt';

export const cookieJar = new Map<string, string>();
export const requestHeaders = new Headers();
// The cookies of one call started with runAs, for calls by different people at the same time.
const scopedJar = new AsyncLocalStorage<Map<string, string>>();

/**
 * The stand-in for next/headers; each test file mocks the module with it:
 *   vi.mock('next/headers', async () => (await import('../support/as-user')).nextHeadersMock);
 */
export const nextHeadersMock = {
  cookies: async () => {
    const jar = scopedJar.getStore() ?? cookieJar;
    return { get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined) };
  },
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

/** The cookies of a new session of the given person, to pass to runAs. */
export async function sessionCookiesOf(loginId: string): Promise<Map<string, string>> {
  const saved = new Map(cookieJar);
  await signInAs(loginId);
  const jar = new Map(cookieJar);
  cookieJar.clear();
  for (const [k, v] of saved) cookieJar.set(k, v);
  return jar;
}

/** Runs one DAL call as the person whose cookies are given, whatever signInAs set meanwhile. */
export function runAs<T>(jar: Map<string, string>, fn: () => Promise<T>): Promise<T> {
  return scopedJar.run(jar, fn);
}
