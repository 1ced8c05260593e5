/*
 * 「ダウンロード」 on the document and revision pages (issue 16, section 3): the reader of a public
 * edition downloads that edition, staff the whole text, editors a draft; each link works from the
 * keyboard, the file arrives under its Japanese name, and the block passes axe.
 * SCREENSHOT_DIR=docs/screenshots/wave2 saves the block as export-*.png.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { AXE_TEST_TIMEOUT, expectNoAxeViolations } from './support/axe';
import { loginAs } from './support/login';

test.describe.configure({ timeout: AXE_TEST_TIMEOUT });

const TITLE = '○○市情報セキュリティ対策基準（サンプル）';

async function shoot(page: Page, name: string) {
  if (!process.env.SCREENSHOT_DIR) return;
  await page.setViewportSize({ width: 1280, height: 900 });
  const block = page.getByText('ダウンロード', { exact: true }).locator('..');
  await block.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, `export-${name}.png`), fullPage: false });
}

async function downloadWithKeyboard(page: Page, name: RegExp) {
  const link = page.getByRole('link', { name });
  await link.focus();
  await expect(link).toBeFocused();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  return download;
}

test('an anonymous reader downloads the public edition from the document page', async ({ page }) => {
  await page.goto('/documents/sample-standard');
  const list = page.getByRole('list', { name: '第2版をダウンロード' });
  await expect(list.getByRole('link')).toHaveText(['Word（.docx）', '法令標準XML（.xml）']);
  await expect(page.getByText('外部に周知すべき事項のみを収録しています。')).toBeVisible();
  const download = await downloadWithKeyboard(page, /^Word/);
  expect(download.suggestedFilename()).toBe(`${TITLE}_第2版_公開抜粋.docx`);
  await expectNoAxeViolations(page, '本文（外部に周知すべき事項）');
  await shoot(page, 'document-excerpt');
});

test('staff download the whole text in force as 法令標準XML', async ({ page }) => {
  await loginAs(page, 'demo-staff');
  await page.goto('/documents/sample-standard');
  await expect(page.getByText('外部に周知すべき事項のみを収録しています。')).toHaveCount(0);
  const download = await downloadWithKeyboard(page, /^法令標準XML/);
  expect(download.suggestedFilename()).toBe(`${TITLE}_第2版.xml`);
  const xml = await readFile((await download.path())!, 'utf8');
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Law ')).toBe(true);
  expect(xml).toContain(`<LawTitle>${TITLE}</LawTitle>`);
  await expectNoAxeViolations(page, '本文（対策基準・職員）');
  await shoot(page, 'document');
});

test('an auditor downloads a superseded revision from its page', async ({ page }) => {
  await loginAs(page, 'demo-auditor');
  await page.goto('/documents/sample-standard/revisions/1');
  const download = await downloadWithKeyboard(page, /^Word/);
  expect(download.suggestedFilename()).toBe(`${TITLE}_第1版.docx`);
  await expectNoAxeViolations(page, '版の表示');
  await shoot(page, 'revision');
});

test('no block and no file where the reader may not read', async ({ page, request }) => {
  const response = await page.goto('/documents/sample-procedure-password');
  expect(response?.status()).toBe(404);
  await expect(page.getByText('ダウンロード', { exact: true })).toHaveCount(0);
  const file = await request.get('/api/v1/documents/sample-procedure-password/export?format=docx');
  const missing = await request.get('/api/v1/documents/no-such-document/export?format=docx');
  expect(file.status()).toBe(404);
  expect(await file.text()).toBe(await missing.text());
});
