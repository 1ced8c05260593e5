/*
 * Amendments in flight form one chain (issue 15 §1, docs/decisions/007), through the browser.
 * The two-amendment story on the demo data: A is approved for tomorrow; B, drafted while A is
 * scheduled, starts from A and is approved for the day after; reading as of each date shows exactly
 * A, then A+B. The urgent variant: while A is scheduled, a change effective today is drafted from
 * the text in force and approved; A is re-applied on top, confirmed by an approver, and as of A's
 * date both changes are there. Dates come from the real clock in Japan.
 */
import { expect, test, type Page } from '@playwright/test';
import { loginAs } from './support/login';

function japanDate(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date(Date.now() + days * 86_400_000));
}
const TODAY = japanDate(0);
const TOMORROW = japanDate(1);
const DAY_AFTER = japanDate(2);
const RUN = Date.now().toString(36);
const MARK = { a: `（改正A${RUN}）`, b: `（改正B${RUN}）`, ma: `（予定の改正${RUN}）`, mu: `（急ぎの改正${RUN}）` };

// Each step drafts or decides through several screens on a shared machine.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

/** Signs in as another person in the same page: the session cookies of the last one go first. */
async function switchTo(page: Page, loginId: string, callbackUrl: string) {
  await page.context().clearCookies();
  await loginAs(page, loginId, { callbackUrl });
}

/** As the editor, on the open draft: change the first sentence of one article, save, submit. */
async function amendAndSubmit(page: Page, input: { article: RegExp; marker: string; reason: string; date: string }) {
  const body = page.getByLabel('本文', { exact: true });
  await expect(body).toBeVisible();
  const text = await body.inputValue();
  const amended = text.replace(input.article, `$1${input.marker}。`);
  expect(amended).not.toBe(text);
  await body.fill(amended);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText(/保存しました/).first()).toBeVisible();
  await page.getByLabel('改正理由').fill(input.reason);
  await page.getByLabel('施行日').fill(input.date);
  await page.getByRole('button', { name: '承認依頼を提出する' }).click();
  await expect(page.getByText('承認依頼を提出しました。').first()).toBeVisible();
}

async function approveFromQueue(page: Page, input: { title: RegExp; reason: string }) {
  await switchTo(page, 'demo-approver', '/approvals');
  await page.getByRole('link', { name: input.title }).first().click();
  await expect(page.getByText(input.reason)).toBeVisible();
  await page.getByLabel('コメント').fill('内容を確認しました。');
  await page.getByRole('button', { name: '承認する' }).click();
  await expect(page.getByText(/を承認しました/).first()).toBeVisible();
}

test.describe('two amendments: B drafted while A is scheduled', () => {
  const SLUG = 'sample-standard';
  const TITLE = /○○市情報セキュリティ対策基準（サンプル）/;

  test('A is drafted from the text in force and approved for tomorrow', async ({ page }) => {
    await loginAs(page, 'demo-editor', { callbackUrl: `/documents/${SLUG}/edit` });
    await expect(page.getByText(/第2版（令和\d+年\d+月\d+日施行）をもとにします。/)).toBeVisible();
    await page.getByRole('button', { name: '改正案を作成する' }).click();
    await amendAndSubmit(page, { article: /(第1条　[^\n]*?)。/, marker: MARK.a, reason: `改正A ${RUN}`, date: TOMORROW });
    await approveFromQueue(page, { title: TITLE, reason: `改正A ${RUN}` });
  });

  test('the header says which version is in force and which amendment is scheduled, with no bare 未施行 tag', async ({ page }) => {
    await loginAs(page, 'demo-staff', { callbackUrl: `/documents/${SLUG}` });
    const header = page.locator('main header').first();
    await expect(header).toContainText('現行');
    await expect(header).toContainText('第2版');
    await expect(header).toContainText(/改正予定第3版（令和\d+年\d+月\d+日施行）/);
    await expect(header.getByText('未施行', { exact: true })).toHaveCount(0);
    await page.goto('/documents');
    // the innermost entry holding the title: the basic policy's entry holds it too, among its children
    const entry = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: TITLE }) }).last();
    await expect(entry).toContainText('現行:第2版');
    await expect(entry).toContainText(/改正予定: 第3版（令和\d+年\d+月\d+日施行）/);
  });

  test('B starts from the scheduled A, says so, and the approver compares it with A', async ({ page }) => {
    await loginAs(page, 'demo-editor', { callbackUrl: `/documents/${SLUG}/edit` });
    await expect(page.getByText(/第3版（令和\d+年\d+月\d+日施行予定）をもとにします。/)).toBeVisible();
    await page.getByRole('button', { name: '改正案を作成する' }).click();
    await expect(page.getByText(/第3版（令和\d+年\d+月\d+日施行予定）をもとにした改正案です。/)).toBeVisible();
    await expect(page.getByLabel('本文', { exact: true })).toHaveValue(new RegExp(MARK.a.replace(/[()（）]/g, '.')));
    await amendAndSubmit(page, { article: /(第2条　[^\n]*?)。/, marker: MARK.b, reason: `改正B ${RUN}`, date: DAY_AFTER });

    await switchTo(page, 'demo-approver', '/approvals');
    await page.getByRole('link', { name: TITLE }).first().click();
    await expect(page.getByText(/改正前（この改正が改正する版）: 第3版（令和\d+年\d+月\d+日施行予定）/)).toBeVisible();
    const table = page.locator('table').first();
    await expect(table).toContainText(MARK.b);
    await page.getByLabel('コメント').fill('内容を確認しました。');
    await page.getByRole('button', { name: '承認する' }).click();
    await expect(page.getByText(/を承認しました/).first()).toBeVisible();
  });

  test('reading as of each date shows exactly A, then A+B', async ({ page }) => {
    await loginAs(page, 'demo-staff', { callbackUrl: `/documents/${SLUG}` });
    const main = page.locator('main');
    await expect(main).not.toContainText(MARK.a);
    await page.goto(`/documents/${SLUG}?asOf=${TOMORROW}`);
    await expect(page.locator('#a1')).toContainText(MARK.a);
    await expect(main).not.toContainText(MARK.b);
    await page.goto(`/documents/${SLUG}?asOf=${DAY_AFTER}`);
    await expect(page.locator('#a1')).toContainText(MARK.a);
    await expect(page.locator('#a2')).toContainText(MARK.b);
  });
});

test.describe('an urgent change approved while A is scheduled', () => {
  const SLUG = 'sample-procedure-media';
  const TITLE = /電磁的記録媒体の取扱いに関する実施手順（サンプル）/;

  test('A is approved for tomorrow', async ({ page }) => {
    await loginAs(page, 'demo-editor', { callbackUrl: `/documents/${SLUG}/edit` });
    await page.getByRole('button', { name: '改正案を作成する' }).click();
    await amendAndSubmit(page, { article: /(第１　[^\n]*?)。/, marker: MARK.ma, reason: `予定の改正 ${RUN}`, date: TOMORROW });
    await approveFromQueue(page, { title: TITLE, reason: `予定の改正 ${RUN}` });
  });

  test('the editor chooses the text in force as the base of an urgent change effective today; approving it re-applies A on top', async ({ page }) => {
    await loginAs(page, 'demo-editor', { callbackUrl: `/documents/${SLUG}/edit` });
    await expect(page.getByRole('radio', { name: /第3版（令和\d+年\d+月\d+日施行予定）/ })).toBeChecked();
    await page.getByRole('radio', { name: /第2版（令和\d+年\d+月\d+日施行）/ }).check();
    await page.getByRole('button', { name: '改正案を作成する' }).click();
    await expect(page.getByText(/第2版（令和\d+年\d+月\d+日施行）をもとにした改正案です。/)).toBeVisible();
    await expect(page.getByLabel('本文', { exact: true })).not.toHaveValue(new RegExp(MARK.ma.replace(/[()（）]/g, '.')));
    await amendAndSubmit(page, { article: /(第３　[^\n]*?)。/, marker: MARK.mu, reason: `急ぎの改正 ${RUN}`, date: TODAY });

    await switchTo(page, 'demo-approver', '/approvals');
    await page.getByRole('link', { name: TITLE }).first().click();
    await expect(page.getByText(/承認すると、その改正内容をこの改正の上に重ね直した版が作られ/)).toBeVisible();
    await page.getByLabel('コメント').fill('至急承認します。');
    await page.getByRole('button', { name: '承認する' }).click();
    await expect(page.getByText(/確認待ちになりました/).first()).toBeVisible();
  });

  test('until confirmed, the rebased A is in force on no date; an approver confirms it after reading its new 新旧対照表', async ({ page }) => {
    await loginAs(page, 'demo-staff', { callbackUrl: `/documents/${SLUG}?asOf=${TOMORROW}` });
    await expect(page.locator('#a3')).toContainText(MARK.mu);
    await expect(page.locator('main')).not.toContainText(MARK.ma);

    await switchTo(page, 'demo-approver', '/approvals');
    const item = page.getByRole('listitem').filter({ hasText: '確認待ち' }).filter({ has: page.getByRole('link', { name: TITLE }) });
    await item.getByRole('link', { name: TITLE }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('の確認');
    await expect(page.getByText(/改正前（この改正が改正する版）: 第3版（令和\d+年\d+月\d+日施行）/)).toBeVisible();
    const table = page.locator('table').first();
    await expect(table).toContainText(MARK.ma);
    await page.getByRole('button', { name: '確認する' }).click();
    await expect(page.getByText(/第4版を確認しました/)).toBeVisible();
  });

  test('as of A’s date both changes are there; today only the urgent one', async ({ page }) => {
    await loginAs(page, 'demo-staff', { callbackUrl: `/documents/${SLUG}?asOf=${TOMORROW}` });
    await expect(page.locator('#a1')).toContainText(MARK.ma);
    await expect(page.locator('#a3')).toContainText(MARK.mu);
    await page.goto(`/documents/${SLUG}`);
    await expect(page.locator('#a3')).toContainText(MARK.mu);
    await expect(page.locator('main')).not.toContainText(MARK.ma);
  });
});
