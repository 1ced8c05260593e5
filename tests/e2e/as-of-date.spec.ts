import { expect, test } from '@playwright/test';

// The 和暦 reader behind 「表示する日付」 is loaded on the first submit, not with the page.
test('a reader types a 和暦 date into 表示する日付 and sees the text in force on that day', async ({ page }) => {
  await page.goto('/documents/basic-policy');
  const field = page.getByLabel('表示する日付');
  await field.fill('令和5年4月1日');
  await page.getByRole('button', { name: '表示', exact: true }).click();
  await expect(page).toHaveURL(/\/documents\/basic-policy\?asOf=2023-04-01$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('a date that cannot be read is refused in Japanese without leaving the page', async ({ page }) => {
  await page.goto('/documents/basic-policy');
  await page.getByLabel('表示する日付').fill('そのうち');
  await page.getByRole('button', { name: '表示', exact: true }).click();
  await expect(page.getByText(/^日付として読み取れません。/)).toBeVisible();
  await expect(page).toHaveURL(/\/documents\/basic-policy$/);
});
