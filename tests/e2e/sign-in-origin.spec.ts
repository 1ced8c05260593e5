import { expect, request, test } from '@playwright/test';
import { BASE_URL, DEMO_PASSWORD, postCredentials } from './support/auth';
import { sql } from './support/db';

/*
 * Issue 15 §3: sign-in keeps the origin a person used (the demo: any local address), never sends
 * anyone off the site, and takes the client address from the socket, not from a header.
 */
const LOOPBACK = BASE_URL.replace('localhost', '127.0.0.1');
// The first pages after a build can be slow on a busy machine: navigations get more time than the default 10 s.
const NAVIGATION = { timeout: 30_000 };
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}`;

test('signing in at 127.0.0.1 stays on 127.0.0.1, signed in', async ({ page }) => {
  test.slow();
  await page.goto(`${LOOPBACK}/login?callbackUrl=${encodeURIComponent('/documents')}`);
  await page.getByLabel('ログインID').fill('demo-staff');
  await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page).toHaveURL(`${LOOPBACK}/documents`, NAVIGATION);
  await expect(page.getByRole('button', { name: /^アカウント: / })).toBeVisible();
  // Still signed in on the next page of the same origin.
  await page.goto(`${LOOPBACK}/login`);
  await expect(page.getByText('としてログインしています。')).toBeVisible();
  await expect(page).toHaveURL(`${LOOPBACK}/login`);
});

test('a callbackUrl that normalises to another host sends the person to the home page of this site', async ({ page }) => {
  test.slow();
  await page.goto(`/login?callbackUrl=${encodeURIComponent('/.//evil.example/x')}`);
  await page.getByLabel('ログインID').fill('demo-staff');
  await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page).toHaveURL(`${BASE_URL}/`, NAVIGATION);
});

for (const callbackUrl of ['/.//evil.example/x', '/a/..//evil.example/x', '/%2e%2e//evil.example', '/%2F%2Fevil.example', '/\t/evil.example']) {
  test(`next-auth's redirect for callbackUrl ${JSON.stringify(callbackUrl)} stays on the site`, async () => {
    const context = await request.newContext({ baseURL: BASE_URL });
    const result = await postCredentials(context, 'demo-staff', DEMO_PASSWORD, callbackUrl);
    expect(result.ok).toBe(true);
    expect(result.url).toBe(`${BASE_URL}/`);
    await context.dispose();
  });
}

test('a forged X-Forwarded-For is neither the throttle key nor the address in the audit trail', async () => {
  const loginId = unique('forged-xff');
  const context = await request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { 'X-Forwarded-For': '10.9.9.1', 'X-Portal-Socket-Address': '10.9.9.2' } });
  expect((await postCredentials(context, loginId, 'wrong-password-123')).error).toBe('CredentialsSignin');
  await context.dispose();
  const events = await sql<{ client_address: string | null }>("SELECT client_address FROM audit_events WHERE action = 'auth.sign-in' AND actor_login_id = $1", [loginId]);
  expect(events).toHaveLength(1);
  // localhost is 127.0.0.1 or ::1, as the resolver of the test runner prefers.
  expect(['127.0.0.1', '::1']).toContain(events[0]!.client_address);
  const keys = await sql<{ key: string }>("SELECT key FROM sign_in_throttles WHERE key IN ('addr:10.9.9.1', 'addr:10.9.9.2')");
  expect(keys).toEqual([]);
});
