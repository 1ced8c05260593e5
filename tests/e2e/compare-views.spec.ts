/*
 * The two views of a 新旧対照表 (the seed's sample standard, 第1版 → 第2版). 「変更箇所のみ」 carries
 * the changed articles only: an unchanged one is a row 「第1条～第3条　（略）」 whose 「本文を表示」
 * opens the full view at that row, and its text is nowhere in the page (neither shown nor hidden,
 * nor in the inline RSC payload). 「すべて展開」 shows every article.
 */
import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';

const PATH = '/documents/sample-standard/compare?from=1&to=2';
/** 第1条 (目的), the same in both revisions */
const UNCHANGED = '職員等が遵守すべき具体的な事項及び判断の基準を定めるものとする。';
/** 第13条 (6), added by 第2版 */
const ADDED = 'テレワークにより業務を行う場合は';
/** 「本文を表示」 of the first fold; its hidden prefix names the run */
const SHOW_FIRST = /^第1条～第3条の\s*本文を表示$/;

test('changes only: the changed articles, and the unchanged ones folded to （略） without their text', async ({ page }) => {
  await loginAs(page, 'demo-auditor', { callbackUrl: PATH });
  const table = page.getByRole('table', { name: /新旧対照表/ });
  await expect(table).toContainText(ADDED);
  await expect(table.locator('ins', { hasText: ADDED })).toBeVisible();
  await expect(table).toContainText('第1条～第3条　（略）');
  expect(await page.content()).not.toContain(UNCHANGED);
  const show = table.getByRole('link', { name: SHOW_FIRST });
  await expect(show).toBeVisible();

  // on paper the fold reads （略） and offers no link
  await page.emulateMedia({ media: 'print' });
  await expect(table.getByText('第1条～第3条　（略）').first()).toBeVisible();
  await expect(show).toHaveCount(0);
  await page.emulateMedia({ media: 'screen' });

  // 「本文を表示」 opens the full view at the folded row
  await show.click();
  await expect(page).toHaveURL(/[?&]all=1#n-a1$/);
  const row = page.locator('tbody#n-a1');
  await expect(row).toContainText(UNCHANGED);
  await expect(row).toBeInViewport();
});

test('the full view shows every article, and 「変更箇所のみ」 folds them again', async ({ page }) => {
  await loginAs(page, 'demo-auditor', { callbackUrl: `${PATH}&all=1` });
  const table = page.getByRole('table', { name: /新旧対照表/ });
  await expect(table).toContainText(UNCHANGED);
  await expect(table).toContainText(ADDED);
  await expect(table).not.toContainText('（略）');
  await expect(page.getByText('すべて展開', { exact: true })).toHaveAttribute('aria-current', 'true');

  await page.getByRole('link', { name: '変更箇所のみ' }).click();
  await expect(page).not.toHaveURL(/all=1/);
  await expect(table).toContainText('第1条～第3条　（略）');
  await expect(table).not.toContainText(UNCHANGED);
});
