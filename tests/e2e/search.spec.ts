/*
 * Search in a real browser and over real HTTP: staff find the rule and land on it; a word that
 * only a hidden document holds answers exactly like a word that is nowhere, in JSON and in HTML.
 */
import { expect, test } from '@playwright/test';
import { apiContextAs } from './support/auth';
import { loginAs } from './support/login';

// only in the RESTRICTED 安全管理措置基準 (granted to 総務部)
const HIDDEN = '事務取扱担当者';
const NOWHERE = '存在しない語句';

test('staff search 「USBメモリ」 from the header and land on the article that lists it', async ({ page }) => {
  await loginAs(page, 'demo-staff');
  await page.goto('/documents');
  const box = page.getByRole('search', { name: '規程を検索' }).getByRole('searchbox');
  await box.fill('USBメモリ');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=USB/);
  await expect(page.getByRole('heading', { level: 1, name: '規程の検索' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '件中' })).toContainText('5 件中 1〜5 件目');
  const hit = page.getByRole('listitem').filter({ hasText: '電磁的記録媒体の取扱いに関する実施手順' }).filter({ hasText: '第２（対象とする媒体）' });
  await expect(hit.locator('mark')).toHaveText(['USBメモリ']);
  await hit.getByRole('link').click();
  await expect(page).toHaveURL(/\/documents\/sample-procedure-media#a2-i1$/);
  const item = page.locator('#a2-i1');
  await expect(item).toContainText('USBメモリ');
  await expect(item).toBeInViewport();
});

test('filters by kind, keeps the query, and pages are linkable', async ({ page }) => {
  await loginAs(page, 'demo-staff');
  await page.goto('/search?q=%EF%BC%B5%EF%BC%B3%EF%BC%A2'); // ＵＳＢ (full width)
  await page.getByRole('navigation', { name: '絞り込み' }).getByRole('link', { name: /実施手順/ }).click();
  await expect(page).toHaveURL(/kind=PROCEDURE/);
  await expect(page.getByRole('navigation', { name: '絞り込み' }).getByRole('link', { name: /実施手順/ })).toHaveAttribute('aria-current', 'true');
  for (const item of await page.locator('ol > li').filter({ has: page.locator('mark') }).all()) {
    await expect(item).toContainText('実施手順');
  }
});

test('empty, overlong and control-character queries get a clear Japanese answer', async ({ page, request }) => {
  await page.goto('/search');
  await expect(page.getByText('検索語を入力してください')).toBeVisible();
  await page.goto(`/search?q=${'あ'.repeat(201)}`);
  await expect(page.getByRole('alert').filter({ hasText: '検索できませんでした' })).toContainText('200文字以内');
  await page.goto('/search?q=USB%00');
  await expect(page.getByRole('alert').filter({ hasText: '検索できませんでした' })).toContainText('制御文字');
  for (const q of ['', 'あ'.repeat(201), 'USB\u0000']) {
    const response = await request.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
    expect(response.status()).toBe(400);
    expect((await response.json()).error.code).toBe('INVALID_INPUT');
  }
  const literal = await request.get(`/api/v1/search?q=${encodeURIComponent("%' OR 1=1 --")}`);
  expect(literal.status()).toBe(200);
  expect((await literal.json()).total).toBe(0);
});

const withoutQuery = (body: string, query: string) => body.replaceAll(query, '__Q__').replaceAll(encodeURIComponent(query), '__Q__');

for (const who of [null, 'demo-staff-other', 'demo-admin'] as const) {
  test(`${who ?? 'anonymous'}: a word only a hidden document holds answers like a word that is nowhere`, async ({ page }) => {
    const api = await apiContextAs(who);
    const hidden = await api.get(`/api/v1/search?q=${encodeURIComponent(HIDDEN)}`);
    const nowhere = await api.get(`/api/v1/search?q=${encodeURIComponent(NOWHERE)}`);
    expect(hidden.status()).toBe(200);
    expect(nowhere.status()).toBe(200);
    expect(hidden.headers()['cache-control']).toBe('private, no-store');
    expect(nowhere.headers()['cache-control']).toBe('private, no-store');
    expect(withoutQuery(await hidden.text(), HIDDEN)).toBe(withoutQuery(await nowhere.text(), NOWHERE));
    await api.dispose();

    // the page as the reader sees it (streaming may deliver the same content in a different order)
    if (who) await loginAs(page, who);
    const rendered = async (q: string) => {
      const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
      expect(response?.headers()['cache-control']).toMatch(/private/);
      expect(response?.headers()['cache-control']).toMatch(/no-store/);
      await expect(page.getByText('に一致する箇所は見つかりませんでした')).toBeVisible();
      return withoutQuery(await page.locator('main').innerHTML(), q);
    };
    expect(await rendered(HIDDEN)).toBe(await rendered(NOWHERE));
    expect(await page.title()).toBe(`「${NOWHERE}」の検索結果 | 情報セキュリティポリシー ポータル`);
  });
}

test('staff of the granted department find the same word', async () => {
  const api = await apiContextAs('demo-staff');
  const body = await (await api.get(`/api/v1/search?q=${encodeURIComponent(HIDDEN)}`)).json();
  expect(body.total).toBeGreaterThan(0);
  expect(body.hits[0].document.slug).toBe('sample-safety-management-standard');
  await api.dispose();
});
