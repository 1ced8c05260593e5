import { request, type APIRequestContext } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-password-2026';
export const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? 3100}`;

/**
 * Signs in through the standard next-auth credentials flow, as a script would: fetch the CSRF
 * token (which sets its cookie), then post the credentials. Returns a request context holding
 * the session cookie, or an anonymous one for null.
 */
export async function apiContextAs(loginId: string | null, password = DEMO_PASSWORD): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL: BASE_URL });
  if (!loginId) return context;
  const result = await postCredentials(context, loginId, password);
  if (!result.ok) throw new Error(`sign-in as ${loginId} failed: ${result.error}`);
  return context;
}

export async function postCredentials(context: APIRequestContext, loginId: string, password: string, callbackUrl = '/'): Promise<{ ok: boolean; error: string | null; url: string | null; status: number }> {
  const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await context.post('/api/auth/callback/credentials', {
    form: { csrfToken, loginId, password, callbackUrl, json: 'true' },
    maxRedirects: 0,
  });
  const body = (await response.json().catch(() => ({}))) as { url?: string };
  const url = body.url ?? response.headers()['location'] ?? null;
  const error = url ? new URL(url, BASE_URL).searchParams.get('error') : 'no-url';
  return { ok: response.status() === 200 && !error, error, url, status: response.status() };
}

export async function sessionCookie(context: APIRequestContext): Promise<{ name: string; value: string } | undefined> {
  const state = await context.storageState();
  return state.cookies.find((c) => c.name.endsWith('portal.session'));
}
