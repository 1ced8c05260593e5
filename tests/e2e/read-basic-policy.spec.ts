import { expect, test } from '@playwright/test';

test('a reader opens the basic policy and follows the table of contents to 第７', async ({ page }) => {
  await page.goto('/documents/basic-policy');
  await expect(page.getByRole('heading', { level: 1, name: '府中市情報セキュリティ基本方針' })).toBeVisible();
  await expect(page.getByText('令和4年5月26日 (2022-05-26)').first()).toBeVisible();

  const toc = page.getByRole('navigation', { name: '目次' });
  await toc.getByRole('link', { name: /第７.*情報セキュリティ対策/ }).click();

  await expect(page).toHaveURL(/#a7$/);
  const article = page.locator('#a7');
  await expect(article).toBeInViewport();
  await expect(article).toContainText('上記第６の脅威から情報資産を保護するため、次の情報セキュリティ対策を講ずる。');
  await expect(page.locator('#a7-i3-s2')).toContainText('ＬＧＷＡＮ接続系においては');
});

test('every article of the basic policy is on the page, with its anchor', async ({ page }) => {
  await page.goto('/documents/basic-policy');
  for (let n = 1; n <= 10; n += 1) await expect(page.locator(`#a${n}`)).toHaveCount(1);
  await expect(page.locator('#sp3')).toContainText('令和４年５月２６日から施行する');
});

test('a document that does not exist answers with the Japanese not-found page', async ({ page }) => {
  const response = await page.goto('/documents/no-such-document');
  expect(response?.status()).toBe(404);
  await expect(page.getByText('お探しの文書は見つかりません')).toBeVisible();
});

test('a restricted sample standard looks exactly like a missing document to an anonymous reader', async ({ page, request }) => {
  const hidden = await page.goto('/documents/sample-safety-management-standard');
  expect(hidden?.status()).toBe(404);
  await expect(page.getByText('お探しの文書は見つかりません')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('サンプル');
  const api = await request.get('/api/v1/documents/sample-safety-management-standard');
  expect(api.status()).toBe(404);
});

test('a copy-link button puts the address of its node on the clipboard, by mouse and by keyboard', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/documents/basic-policy');
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  const announcement = page.getByRole('status').filter({ hasText: 'リンクをコピーしました' });

  await page.locator('#a7-heading').hover();
  await page.getByRole('button', { name: '第７のリンクをコピー' }).click();
  await expect(announcement).toHaveCount(1);
  expect(await clipboard()).toBe(`${baseURL}/documents/basic-policy#a7`);

  const item = page.locator('button[data-copy-link="a7-i1"]');
  await item.focus();
  await page.keyboard.press('Enter');
  await expect(item).toHaveAttribute('data-copied', '');
  await expect(item.locator('.copy-link-tip')).toHaveText('リンクをコピーしました');
  expect(await clipboard()).toBe(`${baseURL}/documents/basic-policy#a7-i1`);
  // the confirmation goes away by itself
  await expect(item).not.toHaveAttribute('data-copied', '', { timeout: 5000 });
  await expect(item.locator('.copy-link-tip')).toHaveText('リンクをコピー');
});
