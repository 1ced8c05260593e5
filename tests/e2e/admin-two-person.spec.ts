import { expect, test } from '@playwright/test';
import { sql } from './support/db';
import { loginAs } from './support/login';

/*
 * The two-person rule on the administration screens: an administrator's own roles and department
 * are shown, not offered for change; a grant that would reach them is refused with the reason.
 */
test('an administrator edits only their own name; their roles and department are for another administrator', async ({ page }) => {
  await loginAs(page, 'demo-admin', { callbackUrl: '/admin/accounts' });
  const mine = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /（あなた）/ }) });
  await mine.getByText('登録内容を変更').click();
  await expect(mine.getByText('自分自身の役割と所属部局は、別のシステム管理者が変更します。')).toBeVisible();
  await expect(mine.getByRole('checkbox')).toHaveCount(0);
  await expect(mine.getByLabel('所属部局', { exact: true })).toHaveCount(0);
  await mine.getByLabel('氏名').fill('システム 管理者（デモ・確認）');
  await mine.getByRole('button', { name: '変更を保存' }).click();
  await expect(mine.getByText('保存しました。')).toBeVisible();
  const [row] = await sql<{ display_name: string; roles: string }>(`SELECT display_name, roles::text FROM users WHERE login_id = 'demo-admin'`);
  expect(row).toEqual({ display_name: 'システム 管理者（デモ・確認）', roles: '{ADMIN}' });
  await mine.getByLabel('氏名').fill('システム 管理者（デモ）');
  await mine.getByRole('button', { name: '変更を保存' }).click();
  await expect(mine.getByText('保存しました。')).toBeVisible();
});

test('a grant to the administrator’s own department is refused with the reason, and nothing is granted', async ({ page }) => {
  await loginAs(page, 'demo-admin', { callbackUrl: '/admin/grants' });
  await expect(page.getByText('自分自身、自分が所属する部局、自分が持つ役割への閲覧権限の付与は、別のシステム管理者が行います。')).toBeVisible();
  const card = page.locator('section', { has: page.getByRole('heading', { level: 2, name: /安全管理措置基準/ }) });
  const before = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM document_grants`);
  await card.getByLabel('付与先の種類').selectOption('DEPARTMENT');
  await card.getByLabel('付与先', { exact: true }).selectOption({ label: '政策総務部' });
  await card.getByRole('button', { name: '閲覧権限を付与' }).click();
  const feedback = card.getByText('自分が所属する部局（政策総務部）には閲覧権限を付与できません。別のシステム管理者に依頼してください。');
  await expect(feedback).toBeVisible();
  await expect(feedback.locator('xpath=..')).toBeFocused();
  expect(await sql<{ n: number }>(`SELECT count(*)::int AS n FROM document_grants`)).toEqual(before);
});
