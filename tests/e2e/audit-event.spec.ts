/*
 * An auditor cites an event: from the trail's list, by keyboard, to the event's own page (a
 * permalink) with its details and its link in the hash chain. A missing event is a Japanese 404;
 * staff meet the same refusal as on the list; an anonymous reader is asked to sign in.
 */
import { expect, test } from '@playwright/test';
import { apiContextAs } from './support/auth';
import { sql } from './support/db';
import { loginAs } from './support/login';

test('an auditor opens an event from the list by keyboard and reads its whole record on its own page', async ({ page }) => {
  await loginAs(page, 'demo-auditor', { callbackUrl: '/audit?actor=demo-auditor&action=auth.sign-in' });
  const table = page.getByRole('table', { name: '監査記録の一覧（新しい順）' });
  await expect(table.getByRole('columnheader')).toHaveText(['連番', '日時', '操作者', '操作', '対象', '結果', '接続元']);
  // The list no longer carries every event's full record: hashes and details are on the event's page.
  await expect(table).not.toContainText('ハッシュ');

  const row = table.locator('tbody tr').first();
  await expect(row).toContainText('ログイン');
  await expect(row).toContainText('成功');
  const link = row.getByRole('link', { name: /^\d+ の詳細$/ });
  const seq = (await link.textContent())!.replace(/\D/g, '');
  const [stored] = await sql<{ hash: string; prev_hash: string; user_agent: string }>('SELECT hash, prev_hash, user_agent FROM audit_events WHERE seq = $1', [seq]);

  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/audit/events/${seq}$`));
  await expect(page).toHaveTitle(new RegExp(`監査記録 連番 ${seq}`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`監査記録 連番 ${seq}`);
  const record = page.getByRole('region', { name: '記録の内容' });
  await expect(record).toContainText('demo-auditor');
  await expect(record).toContainText('auth.sign-in');
  await expect(record).toContainText(stored!.user_agent);
  await expect(page.getByRole('region', { name: '詳細データ（JSON）' }).locator('pre')).toContainText('{');
  const chain = page.getByRole('region', { name: 'ハッシュ連鎖' });
  await expect(chain).toContainText('異常なし');
  await expect(chain).toContainText(stored!.hash);
  await expect(chain).toContainText(stored!.prev_hash);

  // A permalink: the same page again from its address, and the way back to the list.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`監査記録 連番 ${seq}`);
  await page.getByRole('link', { name: 'この操作者の記録を表示' }).click();
  await expect(page).toHaveURL(/\/audit\?actor=demo-auditor$/);
  await expect(page.getByRole('link', { name: `${seq} の詳細` })).toBeVisible();
});

test('an event that does not exist is a Japanese 404 page', async ({ page }) => {
  await loginAs(page, 'demo-auditor');
  for (const path of ['/audit/events/999999999', '/audit/events/abc']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('この監査記録は見つかりません');
    await expect(page.getByRole('link', { name: '監査記録の一覧へ' })).toHaveAttribute('href', '/audit');
  }
});

test('staff get the refusal of the list on an event page and none of its content; anonymous readers are asked to sign in', async ({ page }) => {
  const [event] = await sql<{ seq: string; hash: string }>('SELECT seq::text, hash FROM audit_events ORDER BY seq DESC LIMIT 1');
  await loginAs(page, 'demo-staff');
  const list = await page.goto('/audit');
  const listHeading = await page.getByRole('heading', { level: 1 }).textContent();
  const response = await page.goto(`/audit/events/${event!.seq}`);
  expect(response?.status()).toBe(list?.status());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(listHeading!);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('この画面を表示する権限がありません');
  expect(await response!.text()).not.toContain(event!.hash);

  const anonymous = await apiContextAs(null);
  const redirected = await anonymous.get(`/audit/events/${event!.seq}`, { maxRedirects: 0 });
  expect(redirected.status()).toBeGreaterThanOrEqual(300);
  expect(redirected.status()).toBeLessThan(400);
  expect(redirected.headers()['location']).toContain(`/login?callbackUrl=${encodeURIComponent(`/audit/events/${event!.seq}`)}`);
  await anonymous.dispose();
});
