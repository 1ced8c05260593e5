import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { Provider } from 'next-auth/providers/index';
import { safeCallbackPath } from '@/lib/http/safe-callback';
import { recordEvent, recordStandaloneEvent } from '@/lib/server/audit/record-event';
import { cookieOptions } from '@/lib/server/auth/session-cookie';
import { createSession, revokeSession } from '@/lib/server/auth/sessions';
import { signInWithPassword } from '@/lib/server/auth/sign-in';
import { db } from '@/lib/server/db';
import { requireAuthSecret, serverEnv, servedOverHttps } from '@/lib/server/env';
import { getRequestOrigin } from '@/lib/server/http/request-origin';
import { contextFromHeaders, getRequestContext } from '@/lib/server/request-context';

function headerReader(raw: Record<string, unknown> | undefined) {
  return { get: (name: string) => (typeof raw?.[name] === 'string' ? (raw[name] as string) : null) };
}

const DIRECTORY_PROVIDER_ID = 'city-directory';

/**
 * The city's directory over OpenID Connect, when PORTAL_OIDC_* are all set. It only proves who
 * the person is: the portal account with the directory's preferred_username as login id must
 * already exist and be active; roles and department stay the portal's own.
 */
function directoryProvider(): Provider[] {
  const env = serverEnv();
  if (!env.PORTAL_OIDC_ISSUER || !env.PORTAL_OIDC_CLIENT_ID || !env.PORTAL_OIDC_CLIENT_SECRET) return [];
  return [
    {
      id: DIRECTORY_PROVIDER_ID,
      name: '庁内ディレクトリ',
      type: 'oauth',
      wellKnown: `${env.PORTAL_OIDC_ISSUER.replace(/\/$/, '')}/.well-known/openid-configuration`,
      clientId: env.PORTAL_OIDC_CLIENT_ID,
      clientSecret: env.PORTAL_OIDC_CLIENT_SECRET,
      authorization: { params: { scope: 'openid profile' } },
      idToken: true,
      checks: ['pkce', 'state', 'nonce'],
      profile: (profile: { sub: string; preferred_username?: string; name?: string }) => ({ id: profile.sub, loginId: profile.preferred_username ?? '', name: profile.name ?? null }),
    } as Provider,
  ];
}

async function directorySession(loginId: string, headers: Record<string, unknown> | undefined): Promise<string | null> {
  const user = await db().user.findUnique({ where: { loginId }, select: { id: true, status: true, roles: true, loginId: true } });
  const context = contextFromHeaders(headerReader(headers));
  if (!user || user.status !== 'ACTIVE') {
    await recordStandaloneEvent({ action: 'auth.sign-in', outcome: 'FAILED', actor: { loginId }, context, details: { provider: DIRECTORY_PROVIDER_ID, reason: user ? 'account-disabled' : 'unknown-login-id' } });
    return null;
  }
  const session = await db().$transaction(async (tx) => {
    const created = await createSession({ userId: user.id, userAgent: context.userAgent, clientAddress: context.clientAddress }, tx);
    await recordEvent(tx, { action: 'auth.sign-in', outcome: 'SUCCESS', actor: { id: user.id, loginId: user.loginId, roles: user.roles }, context, details: { provider: DIRECTORY_PROVIDER_ID } });
    return created;
  });
  return session.id;
}

export function authOptions(): NextAuthOptions {
  const env = serverEnv();
  const secure = servedOverHttps();
  return {
    secret: requireAuthSecret(),
    useSecureCookies: secure,
    cookies: cookieOptions(secure),
    // The JWT lives as long as the absolute session lifetime; the session row enforces the idle timeout.
    session: { strategy: 'jwt', maxAge: env.PORTAL_SESSION_MAX_HOURS * 3600, updateAge: 0 },
    pages: { signIn: '/login', error: '/login', signOut: '/logout' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'ログインID',
        credentials: { loginId: { label: 'ログインID', type: 'text' }, password: { label: 'パスワード', type: 'password' } },
        async authorize(credentials, req) {
          const result = await signInWithPassword(credentials, contextFromHeaders(headerReader(req.headers)));
          if (!result.ok) throw new Error(result.reason === 'throttled' ? 'Throttled' : 'CredentialsSignin');
          return { id: result.userId, sid: result.sessionId };
        },
      }),
      ...directoryProvider(),
    ],
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider !== DIRECTORY_PROVIDER_ID) return true;
        const sid = await directorySession(String((user as { loginId?: string }).loginId ?? ''), undefined);
        if (!sid) return false;
        (user as { sid?: string }).sid = sid;
        return true;
      },
      jwt({ token, user }) {
        // Only the session id goes into the cookie; roles and status are read from the database.
        if (user) return { sid: (user as unknown as { sid: string }).sid, iat: token.iat, exp: token.exp, jti: token.jti };
        return { sid: token.sid, iat: token.iat, exp: token.exp, jti: token.jti };
      },
      session({ session }) {
        return { expires: session.expires };
      },
      // After sign-in and sign-out: a path of this site (judged after normalising), on the origin
      // the person is using when that one is allowed (lib/server/http/request-origin.ts).
      async redirect({ url, baseUrl }) {
        const origin = await getRequestOrigin();
        const path = [origin, baseUrl].map((o) => safeCallbackPath(url, o)).find((p) => p !== '/') ?? '/';
        return `${origin}${path}`;
      },
    },
    events: {
      async signOut({ token }) {
        const sid = typeof token?.sid === 'string' ? token.sid : null;
        if (!sid) return;
        await db().$transaction(async (tx) => {
          const session = await tx.userSession.findUnique({ where: { id: sid }, select: { revokedAt: true, user: { select: { id: true, loginId: true, roles: true } } } });
          if (!session || session.revokedAt) return;
          await revokeSession(sid, tx);
          await recordEvent(tx, { action: 'auth.sign-out', outcome: 'SUCCESS', actor: { id: session.user.id, loginId: session.user.loginId, roles: session.user.roles }, context: await getRequestContext() });
        });
      },
    },
  };
}
