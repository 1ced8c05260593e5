/*
 * 遵守の確認 in the browser: 総務課 次郎 (who acknowledged 第1版 of the sample standard) finds
 * 「第2版を確認してください」 on the home page, reads 「前回確認した第1版からの変更」 and presses
 * 確認しました; the 課長 of 総務課 sees the count move, and the .xlsx export opens.
 */
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { loginAs } from './support/login';

const TITLE = '○○市情報セキュリティ対策基準（サンプル）';
const SCREENSHOTS = process.env.ACK_SCREENSHOTS === '1';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

async function doneCount(page: Page): Promise<number> {
  await page.goto('/acknowledgments/board?document=sample-standard');
  const cell = page.locator('tr[data-slug="sample-standard"] td[data-count="done"]');
  await expect(cell).toBeVisible();
  return Number(await cell.textContent());
}

let before = 0;

test('the 課長 sees their 課 only', async ({ page }) => {
  await loginAs(page, 'demo-section-chief', { callbackUrl: '/acknowledgments/board' });
  await expect(page.getByRole('heading', { level: 1, name: '確認状況' })).toBeVisible();
  await expect(page.getByText('総務課と、その下の課・係の職員の確認状況です。')).toBeVisible();
  await expect(page.getByRole('region', { name: '職員ごとの確認状況' })).toContainText('総務課 次郎（デモ）');
  await expect(page.getByRole('region', { name: '職員ごとの確認状況' })).not.toContainText('市民 一郎');
  if (SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/wave2/acks-manager-table.png', fullPage: true });
  before = await doneCount(page);
});

test('a member of staff acknowledges 第2版 after reading the comparison from 第1版', async ({ page }) => {
  await loginAs(page, 'demo-staff-somu');
  const task = page.getByRole('link', { name: `${TITLE}：第2版を確認してください` });
  await expect(task).toBeVisible();
  if (SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/wave2/acks-staff-home.png', fullPage: true });
  await task.click();
  await expect(page.getByRole('heading', { name: '前回確認した第1版からの変更' })).toBeVisible();
  await expect(page.getByRole('table', { name: `${TITLE}の新旧対照表` })).toBeVisible();
  if (SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/wave2/acks-staff-task.png', fullPage: true });
  await page.getByRole('button', { name: '確認しました' }).click();
  await expect(page.getByRole('heading', { name: '確認を記録しました' })).toBeVisible();
  await expect(page.getByText(/第2版を.+に確認しました。/)).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('link', { name: `${TITLE}：第2版を確認してください` })).toHaveCount(0);
});

test('the 課長 sees the count change and exports the figures as .xlsx', async ({ page }) => {
  await loginAs(page, 'demo-section-chief', { callbackUrl: '/acknowledgments/board' });
  expect(await doneCount(page)).toBe(before + 1);
  const response = await page.request.get('/acknowledgments/board/export?format=xlsx&document=sample-standard');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-disposition']).toMatch(/\.xlsx"/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.body()) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.name).toBe(TITLE.slice(0, 28));
  expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['文書', '版', '部署', '氏名', '状況', '確認期限', '確認日時']));
  const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
  const jiro = rows.find((row) => row.includes('総務課 次郎（デモ）'));
  expect(jiro).toEqual(expect.arrayContaining(['第2版', '総務課', '確認済み']));

  const csv = await page.request.get('/acknowledgments/board/export?format=csv');
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString('utf8')).toContain('総務課 次郎（デモ）');
});

test('staff may not see the managers’ view; the CISO sees the city with its chart', async ({ page, browser }) => {
  await loginAs(page, 'demo-staff');
  const refused = await page.goto('/acknowledgments/board');
  expect(refused?.status()).toBe(403);
  const context = await browser.newContext();
  const ciso = await context.newPage();
  await loginAs(ciso, 'demo-ciso', { callbackUrl: '/acknowledgments/board' });
  await expect(ciso.getByRole('img', { name: '部ごとの確認率の推移を示す折れ線グラフ' })).toBeVisible();
  await expect(ciso.getByRole('table', { name: '部ごとの確認率の推移（7日ごと）' })).toContainText('総務部');
  if (SCREENSHOTS) await ciso.screenshot({ path: 'docs/screenshots/wave2/acks-ciso-chart.png', fullPage: true });
  await context.close();
});
