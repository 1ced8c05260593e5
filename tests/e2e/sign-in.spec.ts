import { expect, test } from '@playwright/test';
import { apiContextAs, BASE_URL, DEMO_PASSWORD, postCredentials, sessionCookie } from './support/auth';
import { createStaffAccount, sql } from './support/db';
import { request } from '@playwright/test';

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}`;

test('an unknown login id and a wrong password get the same answer', async () => {
  const context = await apiContextAs(null);
  const unknown = await postCredentials(context, unique('nobody'), 'wrong-password-123');
  const wrong = await postCredentials(context, 'demo-approver', 'wrong-password-123');
  expect(unknown.ok).toBe(false);
  expect(wrong.ok).toBe(false);
  expect(unknown.status).toBe(wrong.status);
  expect(unknown.error).toBe('CredentialsSignin');
  expect(wrong.error).toBe('CredentialsSignin');
  expect(await sessionCookie(context)).toBeUndefined();
  await context.dispose();
});

test('repeated failures for one login id are throttled, even with the right password afterwards', async () => {
  const loginId = unique('throttled');
  const password = 'a-long-enough-password';
  await createStaffAccount(loginId, password);
  const context = await apiContextAs(null);
  for (let i = 0; i < 5; i += 1) expect((await postCredentials(context, loginId, 'wrong-password-123')).error).toBe('CredentialsSignin');
  const locked = await postCredentials(context, loginId, password);
  expect(locked.ok).toBe(false);
  expect(locked.error).toBe('Throttled');
  // An unknown login id is throttled the same way, so a lock-out tells nothing about existence.
  const ghost = unique('ghost');
  for (let i = 0; i < 5; i += 1) await postCredentials(context, ghost, 'wrong-password-123');
  expect((await postCredentials(context, ghost, 'wrong-password-123')).error).toBe('Throttled');
  const [counter] = await sql<{ failures: number }>('SELECT failures FROM sign_in_throttles WHERE key = $1', [`id:${loginId}`]);
  expect(counter?.failures).toBeGreaterThanOrEqual(5);
  await context.dispose();
});

for (const callbackUrl of ['//evil.example', 'https://evil.example', '/\\evil.example', 'https://evil.example/documents']) {
  test(`callbackUrl ${callbackUrl} never leaves the site`, async () => {
    const context = await apiContextAs(null);
    const result = await postCredentials(context, 'demo-staff', DEMO_PASSWORD, callbackUrl);
    expect(result.ok).toBe(true);
    expect(new URL(result.url!, BASE_URL).origin).toBe(BASE_URL);
    await context.dispose();
  });
}

test('the session cookie is HttpOnly and SameSite=Lax', async () => {
  const context = await apiContextAs('demo-staff');
  const cookie = (await context.storageState()).cookies.find((c) => c.name.endsWith('portal.session'));
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe('Lax');
  await context.dispose();
});

test('sign-out ends the session: the old cookie no longer works', async () => {
  const context = await apiContextAs('demo-staff');
  expect((await context.get('/api/v1/documents/sample-procedure-password')).status()).toBe(200);
  const cookie = (await sessionCookie(context))!;
  const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
  await context.post('/api/auth/signout', { form: { csrfToken, json: 'true' }, maxRedirects: 0 });
  expect((await context.get('/api/v1/documents/sample-procedure-password')).status()).toBe(404);

  const replay = await request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { cookie: `${cookie.name}=${cookie.value}` } });
  expect((await replay.get('/api/v1/documents/sample-procedure-password')).status()).toBe(404);
  await replay.dispose();
  await context.dispose();
});

test('disabling an account or removing its role bites on the very next request', async () => {
  const loginId = unique('to-disable');
  await createStaffAccount(loginId, 'a-long-enough-password');
  const context = await apiContextAs(loginId, 'a-long-enough-password');
  expect((await context.get('/api/v1/documents/sample-safety-management-standard')).status()).toBe(200);
  await sql(`UPDATE users SET status = 'DISABLED' WHERE login_id = $1`, [loginId]);
  expect((await context.get('/api/v1/documents/sample-safety-management-standard')).status()).toBe(404);
  expect((await context.get('/api/v1/documents/sample-procedure-password')).status()).toBe(404);
  await context.dispose();

  const auditor = await apiContextAs('demo-auditor');
  expect((await auditor.get('/api/v1/documents/sample-procedure-media')).status()).toBe(200);
  await sql(`UPDATE users SET roles = ARRAY['STAFF']::"Role"[], department_id = (SELECT id FROM departments WHERE code = 'citizens') WHERE login_id = 'demo-auditor'`);
  try {
    expect((await auditor.get('/api/v1/documents/sample-procedure-media')).status()).toBe(404);
  } finally {
    await sql(`UPDATE users SET roles = ARRAY['STAFF','AUDITOR']::"Role"[], department_id = (SELECT id FROM departments WHERE code = 'audit-office') WHERE login_id = 'demo-auditor'`);
  }
  await auditor.dispose();
});

test('a forged session cookie is treated as anonymous', async () => {
  const forged = await request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { cookie: 'portal.session=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..forged.forged.forged' } });
  expect((await forged.get('/api/v1/documents/sample-procedure-password')).status()).toBe(404);
  expect((await forged.get('/documents/basic-policy')).status()).toBe(200);
  await forged.dispose();
});

test('a cross-site POST to the sign-in endpoint without the CSRF token is refused', async () => {
  const context = await request.newContext({ baseURL: BASE_URL });
  const response = await context.post('/api/auth/callback/credentials', {
    form: { loginId: 'demo-staff', password: DEMO_PASSWORD, json: 'true' },
    headers: { Origin: 'https://evil.example' },
    maxRedirects: 0,
  });
  expect(await sessionCookie(context)).toBeUndefined();
  expect([200, 302, 400, 403]).toContain(response.status());
  await context.dispose();
});
