import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';
import { sql } from './support/db';

test('demo-staff signs in on the Japanese sign-in page and reads a staff document', async ({ page }) => {
  await loginAs(page, 'demo-staff', { callbackUrl: '/documents/sample-procedure-password' });
  await expect(page).toHaveURL(/\/documents\/sample-procedure-password$/);
  await expect(page.getByRole('heading', { level: 1, name: /パスワード管理に関する実施手順（サンプル）/ })).toBeVisible();
  await expect(page.locator('#a1')).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('総務 花子');
});

test('a wrong password shows one Japanese message, the same as an unknown login id', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('ログインID').fill('demo-staff');
  await page.getByLabel('パスワード').fill('not-the-password');
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page.getByText('ログインIDまたはパスワードが正しくありません。')).toBeVisible();
  await page.getByLabel('ログインID').fill('nobody-at-all');
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page.getByText('ログインIDまたはパスワードが正しくありません。')).toBeVisible();
});

test('demo-staff-other cannot reach a document restricted to 総務部', async ({ page }) => {
  await loginAs(page, 'demo-staff-other');
  const response = await page.goto('/documents/sample-safety-management-standard');
  expect(response?.status()).toBe(404);
  await expect(page.getByText('お探しの文書は見つかりません')).toBeVisible();
  await page.goto('/documents');
  await expect(page.locator('main')).not.toContainText('安全管理措置基準（サンプル）');
});

test('an anonymous reader sees the public excerpt of a non-public standard and no other article', async ({ page }) => {
  await page.goto('/documents/sample-standard');
  await expect(page.getByText('外部に周知すべき事項のみを掲載しています')).toBeVisible();
  const [{ anchors }] = (await sql<{ anchors: string[] }>(
    `SELECT r.public_excerpt_anchors AS anchors FROM revisions r JOIN documents d ON d.id = r.document_id
     WHERE d.slug = 'sample-standard' AND r.status = 'APPROVED' AND r.effective_date <= current_date ORDER BY r.effective_date DESC LIMIT 1`,
  )) as [{ anchors: string[] }];
  expect(anchors.length).toBeGreaterThan(0);
  const shown = await page.locator('main section[id^="a"]').evaluateAll((sections) => sections.map((s) => s.id).filter((id) => /^a\d+(-\d+)?$/.test(id)));
  expect(shown.sort()).toEqual([...anchors].sort());
  await expect(page.locator('main')).not.toContainText('パスワードの管理');
});

test('sign-out from the header ends the session', async ({ page }) => {
  await loginAs(page, 'demo-staff');
  await page.getByRole('button', { name: /^アカウント/ }).click();
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await expect(page.getByRole('link', { name: 'ログイン' })).toBeVisible();
  const response = await page.goto('/documents/sample-procedure-password');
  expect(response?.status()).toBe(404);
});

test('server actions called directly by those without the permission are refused and change nothing', async ({ page, browser }) => {
  // Capture the real server-action POST an administrator's form sends…
  await loginAs(page, 'demo-admin', { callbackUrl: '/admin/departments' });
  let captured: { url: string; headers: Record<string, string>; body: string } | null = null;
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.headers()['next-action'] && !captured) {
      captured = { url: request.url(), headers: request.headers(), body: request.postData() ?? '' };
    }
  });
  const code = `e2e-${Date.now().toString(36)}`;
  const form = page.locator('form', { has: page.getByRole('button', { name: '部局を追加' }) });
  await form.getByLabel('部局コード').fill(code);
  await form.getByLabel('部局名').fill('試験部');
  await form.getByRole('button', { name: '部局を追加' }).click();
  await expect.poll(async () => (await sql(`SELECT 1 FROM departments WHERE code = $1`, [code])).length).toBe(1);
  expect(captured).not.toBeNull();
  const action = captured!;

  // …then replay it, with another code, as an anonymous visitor and as a staff member.
  for (const who of [null, 'demo-staff']) {
    const context = await browser.newContext();
    const other = await context.newPage();
    if (who) await loginAs(other, who);
    const replayCode = `${code}-${who ?? 'anon'}`;
    const response = await other.request.post(action.url, {
      headers: { 'next-action': action.headers['next-action']!, 'content-type': action.headers['content-type']!, accept: 'text/x-component' },
      data: action.body.replaceAll(code, replayCode),
    });
    expect(response.status()).toBeLessThan(500);
    expect(await response.text()).toContain('FORBIDDEN');
    expect(await sql(`SELECT 1 FROM departments WHERE code = $1`, [replayCode])).toHaveLength(0);
    await context.close();
  }

  // A cross-origin POST of the same action is refused by Next.js before it runs.
  const crossOrigin = await page.request.post(action.url, {
    headers: { 'next-action': action.headers['next-action']!, 'content-type': action.headers['content-type']!, origin: 'https://evil.example' },
    data: action.body.replaceAll(code, `${code}-cross`),
  });
  expect(crossOrigin.status()).toBeGreaterThanOrEqual(400);
  expect(await sql(`SELECT 1 FROM departments WHERE code = $1`, [`${code}-cross`])).toHaveLength(0);
});
