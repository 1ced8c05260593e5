import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './auth';

/** Signs in through the /login form, as a person does. */
export async function loginAs(page: Page, loginId: string, options: { callbackUrl?: string; password?: string } = {}): Promise<void> {
  await page.goto(`/login${options.callbackUrl ? `?callbackUrl=${encodeURIComponent(options.callbackUrl)}` : ''}`);
  await page.getByLabel('ログインID').fill(loginId);
  await page.getByLabel('パスワード').fill(options.password ?? DEMO_PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}
