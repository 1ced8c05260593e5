import 'server-only';
import { decode } from 'next-auth/jwt';
import { requireAuthSecret, servedOverHttps } from '@/lib/server/env';

/*
 * The session cookie is a next-auth JWT that carries only the id of a row in user_sessions.
 * Over HTTPS the cookies take the __Host- prefix (Secure, Path=/, no Domain); always HttpOnly
 * and SameSite=Lax.
 */
export function cookieNames(secure: boolean = servedOverHttps()) {
  const prefix = secure ? '__Host-' : '';
  return {
    sessionToken: `${prefix}portal.session`,
    csrfToken: `${prefix}portal.csrf`,
    callbackUrl: `${prefix}portal.callback-url`,
  };
}

export function cookieOptions(secure: boolean = servedOverHttps()) {
  const names = cookieNames(secure);
  const options = { httpOnly: true, sameSite: 'lax' as const, path: '/', secure };
  return {
    sessionToken: { name: names.sessionToken, options },
    csrfToken: { name: names.csrfToken, options },
    callbackUrl: { name: names.callbackUrl, options },
  };
}

interface TCookieReader {
  get(name: string): { value: string } | undefined;
}

/** The session id from a request's cookies; null for no cookie, a forged one or an expired one. */
export async function readSessionId(cookies: TCookieReader): Promise<string | null> {
  const raw = cookies.get(cookieNames().sessionToken)?.value;
  if (!raw) return null;
  try {
    const token = await decode({ token: raw, secret: requireAuthSecret() });
    return typeof token?.sid === 'string' ? token.sid : null;
  } catch {
    return null;
  }
}
