/*
 * The reader draws a regulation text at full depth (issue 16): ten levels of 号の細分 each hanging
 * its label one step further in, tables as tables, appendices and several 附則, a link to any depth,
 * a copy-link a keyboard reaches, and a print layout. Three 実施手順 of the deep corpus are arranged
 * as STAFF documents straight in the database, as the deep tree the store keeps (parseDeepText).
 * With E2E_SCREENSHOTS_DIR set, the screens are saved there (docs/screenshots/wave2/reader-*.png).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parseDeepText } from '@/lib/policy-text/deep/parse';
import { AXE_TEST_TIMEOUT, expectNoAxeViolations } from './support/axe';
import { sql } from './support/db';
import { loginAs } from './support/login';

const DOCUMENTS = [
  { slug: 'e2e-deep-ten-levels', file: '01-ten-levels.txt', effectiveDate: '2023-04-01' },
  { slug: 'e2e-deep-tables', file: '07-tables.txt', effectiveDate: '2024-04-01' },
  { slug: 'e2e-deep-appendices', file: '08-appendices-forms.txt', effectiveDate: '2024-04-01' },
];
const DEEPEST = 'a3-i1-s1-s1-s1-s1-s1-s1-s1-s1-s1-s2';

async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  const dir = process.env.E2E_SCREENSHOTS_DIR;
  if (dir) await page.screenshot({ path: path.join(dir, `reader-${name}.png`), fullPage: options.fullPage ?? false });
}

test.beforeAll(async () => {
  for (const doc of DOCUMENTS) {
    const parsed = parseDeepText(readFileSync(path.join('tests/fixtures/deep', doc.file), 'utf8'));
    if (!parsed.ok) throw new Error(doc.file);
    const rows = await sql<{ id: string }>(
      `INSERT INTO documents (id, slug, kind, title, visibility, updated_at) VALUES (gen_random_uuid(), $1, 'PROCEDURE', $2, 'STAFF', now())
       ON CONFLICT (slug) DO NOTHING RETURNING id`,
      [doc.slug, parsed.tree.title],
    );
    if (rows.length === 0) continue;
    await sql(
      `INSERT INTO revisions (id, document_id, number, status, content, plain_text, content_hash, effective_date, approved_at, edition)
       VALUES (gen_random_uuid(), $1, 1, 'APPROVED', $2, '', $3, $4, now(), 1)`,
      [rows[0]!.id, JSON.stringify(parsed.tree), `e2e-${doc.slug}`, doc.effectiveDate],
    );
  }
});

// A long page on a busy machine: more time than the default, and one sign-in for the whole file.
test.describe.configure({ timeout: 120_000 });
const STAFF_STATE = 'test-results/e2e/read-deep-text-staff.json';
test.use({ storageState: STAFF_STATE });

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ storageState: undefined });
  const page = await context.newPage();
  await loginAs(page, 'demo-staff');
  await context.storageState({ path: STAFF_STATE });
  await context.close();
});

test('ten levels of 号の細分 each hang their label one step further in, wrapped lines aligned with the text', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/documents/e2e-deep-ten-levels');
  await expect(page.getByRole('heading', { level: 1, name: '○○市情報システム調達に係るセキュリティ要件実施手順' })).toBeVisible();
  const deepest = page.locator(`#${DEEPEST}`);
  await expect(deepest).toContainText('記録は、電磁的記録によることができる。');

  // From 号 (1) down to ②: eleven entries, each label further right than the one above, and each
  // entry's text column starting where the next level's label starts.
  const ids = ['a3-i1', ...Array.from({ length: 10 }, (_, i) => `a3-i1${'-s1'.repeat(i + 1)}`)];
  ids[10] = DEEPEST;
  const boxes = [];
  for (const id of ids) {
    const label = await page.locator(`[id="${id}"] > .pt-l`).boundingBox();
    const body = await page.locator(`[id="${id}"] > .pt-b`).boundingBox();
    boxes.push({ label: label!, body: body! });
  }
  for (let i = 1; i < boxes.length; i += 1) {
    expect(boxes[i]!.label.x, ids[i]).toBeGreaterThan(boxes[i - 1]!.label.x);
    expect(Math.abs(boxes[i]!.label.x - boxes[i - 1]!.body.x), ids[i]).toBeLessThan(1);
  }
  for (const box of boxes) expect(box.body.x).toBeGreaterThan(box.label.x + box.label.width - 1);

  // A paragraph that wraps: its second line starts under its first, not under the label.
  const wrapped = page.locator('[id="a3-i1-s1-s1-s1-s1"] > .pt-b > p').first();
  const lines = await wrapped.evaluate((p) => {
    const range = document.createRange();
    range.selectNodeContents(p.firstChild!);
    return [...range.getClientRects()].map((r) => Math.round(r.left));
  });
  expect(new Set(lines).size).toBe(1);
  await deepest.scrollIntoViewIfNeeded();
  await screenshot(page, 'deep-text');

  await page.setViewportSize({ width: 375, height: 800 });
  await deepest.scrollIntoViewIfNeeded();
  // on a phone (375px) the tenth level still leaves its text a line of at least eight characters
  const text = page.locator(`#${DEEPEST} > .pt-b > p`);
  const phone = await text.boundingBox();
  const em = await text.evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  expect(phone!.width).toBeGreaterThanOrEqual(8 * em);
  await screenshot(page, 'deep-text-phone');
});

test('a link to any depth scrolls there and highlights that node', async ({ page }) => {
  await page.goto(`/documents/e2e-deep-ten-levels#${DEEPEST}`);
  const deepest = page.locator(`#${DEEPEST}`);
  await expect(deepest).toBeInViewport();
  const background = await deepest.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).not.toBe('rgba(0, 0, 0, 0)');
  // its parent is not highlighted
  expect(await page.locator('#a3-i1-s1-s1-s1-s1-s1-s1-s1-s1-s1').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
});

test('a keyboard user reaches the copy-link of a tenth-level node and copies its address', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // Arriving by a link to the node, Tab goes on from there: the next stop is the node's own button.
  await page.goto(`/documents/e2e-deep-ten-levels#${DEEPEST}`);
  await page.keyboard.press('Tab');
  const button = page.locator(`button[data-copy-link="${DEEPEST}"]`);
  await expect(button).toBeFocused();
  await expect(button).toHaveAccessibleName('第3条第1項第1号ア(ア)a(a)ⅰ(ⅰ)A(A)Ⅰ②のリンクをコピー');
  expect(await button.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'リンクをコピーしました' })).toHaveCount(1);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/documents/e2e-deep-ten-levels#${DEEPEST}`);
});

test('tables are real tables with their header row, inside the article and as 別表', async ({ page }) => {
  await page.goto('/documents/e2e-deep-tables');
  const table = page.getByRole('table', { name: '第2条第1項の表' });
  await expect(table.getByRole('columnheader')).toHaveText(['分類', '表示', '表示の方法']);
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row').nth(1).getByRole('cell')).toHaveText(['機密性3', '秘', '文書の右上に朱書きする。']);
  // the table under ア of 第3条(1) sits in ア's text column
  const subitem = await page.locator('[id="a3-i1-s1"] > .pt-b').boundingBox();
  const inner = await page.getByRole('table', { name: '第3条第1号アの表' }).boundingBox();
  expect(inner!.x).toBeGreaterThanOrEqual(subitem!.x - 1);
  await expect(page.getByRole('table', { name: '別表第1の表' }).getByRole('columnheader')).toHaveText(['項目', '記載の内容']);
  await expect(page.getByRole('heading', { level: 2, name: '別表第1（第4条関係）台帳の記載事項' })).toBeVisible();
  await page.locator('#a2').scrollIntoViewIfNeeded();
  await screenshot(page, 'table');
});

test('appendices and several 附則 show where the text has them, and the 目次 leads to each', async ({ page }) => {
  await page.goto('/documents/e2e-deep-appendices');
  await expect(page.getByRole('heading', { level: 2, name: '別記（第2条関係）委託先の選定基準' })).toBeVisible();
  await expect(page.locator('#annex1-i3-s2')).toContainText('従業者に対する研修を毎年度実施していること。');
  await expect(page.getByRole('heading', { level: 2, name: '附則（令和5年3月30日訓令第8号）' })).toBeVisible();
  const toc = page.getByRole('navigation', { name: '目次' });
  await toc.getByRole('link', { name: '参考　委託契約書に記載する特記事項の例' }).click();
  await expect(page).toHaveURL(/#annex5$/);
  await expect(page.locator('#annex5')).toBeInViewport();
  // the 附則 after 参考 follows it
  const [reference, last] = await Promise.all([page.locator('#annex5').boundingBox(), page.locator('#sp3').boundingBox()]);
  expect(last!.y).toBeGreaterThan(reference!.y);
  await page.locator('#annex2').scrollIntoViewIfNeeded();
  await screenshot(page, 'appendix');
});

test('printed, the text has no header, menu or buttons, keeps its labels, and names its address and 施行日', async ({ page }) => {
  // about the width of A4 paper at 96 dpi
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.goto('/documents/e2e-deep-tables');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('navigation', { name: '目次' })).toBeHidden();
  await expect(page.locator('button.copy-link').first()).toBeHidden();
  await expect(page.getByText(/掲載場所: http:\/\/localhost:\d+\/documents\/e2e-deep-tables\/revisions\/1/)).toBeVisible();
  await expect(page.getByText('令和6年4月1日 (2024-04-01)').first()).toBeVisible();
  await expect(page.locator('[id="a3-i1-s1"] > .pt-l')).toHaveText('ア');
  await expect(page.getByRole('table', { name: '第2条第1項の表' })).toBeVisible();
  await screenshot(page, 'print', { fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});

test('the deep text, its tables and appendices are axe-clean', async ({ page }) => {
  test.setTimeout(3 * AXE_TEST_TIMEOUT);
  for (const doc of DOCUMENTS) {
    await page.goto(`/documents/${doc.slug}`);
    await expectNoAxeViolations(page, doc.slug);
  }
});
