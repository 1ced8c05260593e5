/*
 * The header of a person who holds every role keeps one line at 1280px (Chromium, 1280×800):
 * every link, the search box, the tasks link and the account button side by side; the account
 * menu opens and closes by keyboard.
 */
import { hash } from '@node-rs/argon2';
import { expect, test, type Page } from '@playwright/test';
import { actionResult, postAction } from './support/actions';
import { apiContextAs, DEMO_PASSWORD } from './support/auth';
import { AXE_TEST_TIMEOUT, expectNoAxeViolations } from './support/axe';
import { sql } from './support/db';

const RUN = Date.now().toString(36);
const LOGIN = `all-roles-${RUN}`;
// a long name, as 12 full-width characters and more are common
const NAME = '情報政策課 統括管理者（全役割）';
const SLUG = `header-${RUN}`;

test.use({ viewport: { width: 1280, height: 800 } });
test.describe.configure({ timeout: AXE_TEST_TIMEOUT });

test.beforeAll(async () => {
  const passwordHash = await hash(DEMO_PASSWORD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  await sql(
    `INSERT INTO users (id, login_id, display_name, department_id, password_hash, roles)
     SELECT gen_random_uuid(), $1, $2, id, $3, ARRAY['STAFF','EDITOR','APPROVER','AUDITOR','ADMIN']::"Role"[] FROM departments WHERE code = 'general-affairs'`,
    [LOGIN, NAME, passwordHash],
  );
  // A draft of their own, so the header shows the tasks link too.
  const context = await apiContextAs(LOGIN);
  expect(await actionResult(await postAction(context, 'createDocumentAction', { slug: SLUG, kind: 'PROCEDURE', title: `ヘッダー確認用手順（${RUN}）`, parentSlug: '', departmentCode: 'general-affairs', visibility: 'STAFF', requiredApprovals: '1', reviewIntervalMonths: '12' }))).toMatchObject({ ok: true });
  await context.dispose();
});

/** The session of the all-roles account, signed in through next-auth's credentials flow. */
async function signIn(page: Page): Promise<void> {
  const context = await apiContextAs(LOGIN);
  await page.context().addCookies((await context.storageState()).cookies);
  await context.dispose();
}

test.afterAll(async () => {
  const context = await apiContextAs(LOGIN);
  await postAction(context, 'withdrawRevisionAction', { slug: SLUG, number: '1' }, { slug: SLUG });
  await context.dispose();
});

test('every role’s links, the search box, the tasks link and the account button share one line at 1280px', async ({ page }) => {
  await signIn(page);
  await page.goto('/');
  const header = page.getByRole('banner');
  const nav = header.getByRole('navigation', { name: 'メインメニュー' });
  const items = [
    header.getByRole('link', { name: '情報セキュリティポリシー ポータル' }),
    ...['ホーム', '規程一覧', '承認待ち', '監査記録', '管理'].map((name) => nav.getByRole('link', { name, exact: true })),
    header.getByRole('searchbox'),
    header.getByRole('button', { name: '検索' }),
    header.getByRole('link', { name: /あなたの作業/ }),
    header.getByRole('button', { name: `アカウント: ${NAME}` }),
  ];
  const boxes = [];
  for (const item of items) {
    await expect(item).toBeVisible();
    boxes.push((await item.boundingBox())!);
  }
  // One line: every item's vertical middle within a few pixels of the others', left to right.
  const middles = boxes.map((box) => box.y + box.height / 2);
  expect(Math.max(...middles) - Math.min(...middles)).toBeLessThanOrEqual(4);
  for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.x).toBeGreaterThanOrEqual(boxes[i - 1]!.x + boxes[i - 1]!.width);
  // …and inside the header's 1200px column, not spilling past it.
  const column = (await header.locator('> div').boundingBox())!;
  for (const box of boxes) expect(box.x + box.width).toBeLessThanOrEqual(column.x + column.width);
  const height = (await header.boundingBox())!.height;
  expect(height).toBeLessThanOrEqual(80);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  await expectNoAxeViolations(page, 'ヘッダー（全役割）');
});

test('the account menu works by keyboard: open, reach sign-out, Escape back to the button', async ({ page }) => {
  await signIn(page);
  await page.goto('/');
  const button = page.getByRole('banner').getByRole('button', { name: `アカウント: ${NAME}` });
  await button.focus();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const panel = page.locator(`#${await button.getAttribute('aria-controls')}`);
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(NAME);
  await expect(panel).toContainText('所属: 総務部');
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('button', { name: 'ログアウト' })).toBeFocused();
  await expectNoAxeViolations(page, 'アカウントメニュー');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
});
