import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from './support/auth';
import { sql } from './support/db';

/*
 * Issue 15 §5: an administrator links a portal account to a directory person (issuer and subject)
 * on the account screen, and clears it again; both recorded in the audit trail.
 */
const ISSUER = 'https://directory.example.lg.jp/realms/city';

test('an administrator links an account to the directory and clears the link', async ({ page }) => {
  const subject = `e2e-${Date.now().toString(36)}`;
  test.slow();
  // Signed in through the form; the first pages after a build can be slow on a busy machine.
  await page.goto('/login?callbackUrl=%2Fadmin%2Faccounts');
  await page.getByLabel('ログインID').fill('demo-admin');
  await page.getByLabel('パスワード').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page).toHaveURL(/\/admin\/accounts$/, { timeout: 30_000 });
  const section = page.getByRole('region', { name: '庁内ディレクトリとの連携' });
  const choose = async (loginId: string) => section.getByLabel('アカウント').selectOption((await section.locator('option', { hasText: `${loginId}（` }).getAttribute('value'))!);
  await choose('demo-staff-other');
  await section.getByLabel('発行者（iss）').fill(ISSUER);
  await section.getByLabel('利用者識別子（sub）').fill(subject);
  await section.getByRole('button', { name: '連携を保存' }).click();
  await expect(section.getByText('連携を保存しました。')).toBeVisible();
  await expect(section.getByRole('listitem').filter({ hasText: subject })).toContainText('demo-staff-other');
  const [linked] = await sql<{ oidc_issuer: string; oidc_subject: string }>("SELECT oidc_issuer, oidc_subject FROM users WHERE login_id = 'demo-staff-other'");
  expect(linked).toEqual({ oidc_issuer: ISSUER, oidc_subject: subject });

  // Half a link is refused with a message, and nothing changes.
  await choose('demo-editor');
  await section.getByLabel('発行者（iss）').fill(ISSUER);
  await section.getByRole('button', { name: '連携を保存' }).click();
  await expect(section.getByText('発行者（iss）と利用者識別子（sub）は両方とも入力してください', { exact: false })).toBeVisible();

  await section.getByRole('button', { name: 'demo-staff-otherの連携を解除' }).click();
  await expect(section.getByRole('listitem').filter({ hasText: subject })).toHaveCount(0);
  const [cleared] = await sql<{ oidc_subject: string | null }>("SELECT oidc_subject FROM users WHERE login_id = 'demo-staff-other'");
  expect(cleared?.oidc_subject).toBeNull();
  const trail = await sql<{ action: string }>("SELECT action FROM audit_events WHERE action LIKE 'account.directory-%' AND actor_login_id = 'demo-admin' ORDER BY seq");
  expect(trail.map((e) => e.action).slice(-2)).toEqual(['account.directory-link', 'account.directory-unlink']);
});
