import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { Provider } from 'next-auth/providers/index';
import { safeCallbackPath } from '@/lib/http/safe-callback';
import { recordEvent } from '@/lib/server/audit/record-event';
import { DIRECTORY_PROVIDER_ID, signInWithDirectory } from '@/lib/server/auth/directory-sign-in';
import { cookieOptions } from '@/lib/server/auth/session-cookie';
import { revokeSession } from '@/lib/server/auth/sessions';
import { signInWithPassword } from '@/lib/server/auth/sign-in';
import { db } from '@/lib/server/db';
import { requireAuthSecret, serverEnv, servedOverHttps } from '@/lib/server/env';
import { getRequestOrigin } from '@/lib/server/http/request-origin';
import { contextFromHeaders, getRequestContext } from '@/lib/server/request-context';

function headerReader(raw: Record<string, unknown> | undefined) {
  return { get: (name: string) => (typeof raw?.[name] === 'string' ? (raw[name] as string) : null) };
}

/**
 * The city's directory over OpenID Connect, when PORTAL_OIDC_* are all set. It only proves who
 * the person is: the ID token's issuer and subject must be linked by an administrator to an
 * active portal account (lib/server/auth/directory-sign-in.ts); roles and department stay the
 * portal's own.
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
      profile: (profile: { sub: string; name?: string }) => ({ id: profile.sub, name: profile.name ?? null }),
    } as Provider,
  ];
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
      async signIn({ user, account, profile }) {
        if (account?.provider !== DIRECTORY_PROVIDER_ID) return true;
        // The claims of the ID token next-auth has verified (signature, audience, nonce, issuer).
        const claims = (profile ?? {}) as { iss?: unknown; sub?: unknown; preferred_username?: unknown };
        const result = await signInWithDirectory(
          { issuer: String(claims.iss ?? ''), subject: String(claims.sub ?? ''), preferredUsername: typeof claims.preferred_username === 'string' ? claims.preferred_username : null },
          await getRequestContext(),
        );
        if (!result.ok) return false;
        (user as { sid?: string }).sid = result.sessionId;
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
