/*
 * The life of a revision through the browser: an editor drafts an amendment to a sample standard
 * and submits it; an approver approves it with a future effective date; a staff reader sees the
 * text in force with the scheduled amendment named (改正予定) and, asking for a date after the
 * effective date, the new text. Then an auditor reads the history, the 新旧対照表 and the audit trail.
 */
import { expect, test } from '@playwright/test';
import { loginAs } from './support/login';

const SLUG = 'sample-procedure-password';

/** A date some weeks ahead in Japan, so the approved revision is scheduled (未施行). */
function futureDate(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date(Date.now() + days * 86_400_000));
}
const EFFECTIVE = futureDate(40);
const MARKER = `（e2e改正${Date.now().toString(36)}）`;

test.describe.configure({ mode: 'serial' });

test('an editor drafts an amendment and submits it for approval', async ({ page }) => {
  await loginAs(page, 'demo-editor', { callbackUrl: `/documents/${SLUG}/edit` });
  await page.getByRole('button', { name: '改正案を作成する' }).click();
  const body = page.getByLabel('本文', { exact: true });
  await expect(body).toBeVisible();
  const text = await body.inputValue();
  const amended = text.replace(/(第1条　[^\n]*?)。/, `$1${MARKER}。`);
  expect(amended).not.toBe(text);
  await body.fill(amended);
  await expect(page.locator('main')).toContainText(MARKER);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText(/保存しました/).first()).toBeVisible();

  await page.getByLabel('改正理由').fill('e2e: 目的規定の語句の整理');
  await page.getByLabel('施行日').fill(EFFECTIVE);
  await page.getByRole('button', { name: '承認依頼を提出する' }).click();
  await expect(page.getByText(/承認依頼を提出しました|承認待ち/).first()).toBeVisible();
});

test('the approver approves it from the queue with a future effective date', async ({ page }) => {
  await loginAs(page, 'demo-approver', { callbackUrl: '/approvals' });
  await page.getByRole('link', { name: /パスワード管理に関する実施手順/ }).first().click();
  await expect(page.getByText('e2e: 目的規定の語句の整理')).toBeVisible();
  await page.getByLabel('コメント').fill('内容を確認しました。');
  await page.getByLabel('施行日').fill(EFFECTIVE);
  await page.getByRole('button', { name: '承認する' }).click();
  await expect(page.getByText(/承認しました/).first()).toBeVisible();
});

test('a staff reader sees the text in force with the scheduled amendment named, and the new text on its date', async ({ page }) => {
  await loginAs(page, 'demo-staff', { callbackUrl: `/documents/${SLUG}` });
  // 「現行: 第n版」 beside 「改正予定: 第n+1版（…施行）」, never a bare 未施行 tag (issue 15)
  await expect(page.getByText('改正予定', { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/第\d+版（令和\d+年\d+月\d+日施行）/).first()).toBeVisible();
  await expect(page.locator('main')).not.toContainText(MARKER);
  await page.goto(`/documents/${SLUG}?asOf=${EFFECTIVE}`);
  await expect(page.locator('#a1')).toContainText(MARKER);
});

test('an auditor compares two revisions: the renumbered article is aligned and the changed characters underlined', async ({ page }) => {
  // 第2版's own page: the history's first entries may be amendments other specs approved.
  await loginAs(page, 'demo-auditor', { callbackUrl: '/documents/sample-standard/revisions/2' });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('link', { name: /前の版/ }).first().click();
  await expect(page).toHaveURL(/compare\?from=1&to=2/);
  const table = page.locator('table').first();
  await expect(table).toContainText('改正後');
  await expect(table).toContainText('改正前');
  // old 第19条（ログの取得） stands in the same row as new 第20条, marked 条の繰下げ
  // each row of the comparison (one article) is a <tbody>, each of its lines a <tr>
  const moved = table.locator('tbody', { hasText: '条の繰下げ' }).filter({ hasText: 'ログの取得' }).first();
  await expect(moved).toContainText('第20条');
  await expect(moved).toContainText('第19条');
  // exactly the changed character is underlined on each side (「３年間」→「５年間」)
  const underlined = await moved.evaluate((row) =>
    [...row.querySelectorAll('*')]
      .filter((el) => el.children.length === 0 && getComputedStyle(el).textDecorationLine.includes('underline') && (el.textContent ?? '').trim() !== '')
      .map((el) => (el.textContent ?? '').trim()),
  );
  expect(underlined).toContain('５');
  expect(underlined).toContain('３');
});

test('an auditor filters the trail by the document, follows the approval to the comparison and downloads the CSV', async ({ page }) => {
  await loginAs(page, 'demo-auditor', { callbackUrl: '/audit' });
  await page.getByLabel(/文書/).first().fill(SLUG);
  await page.getByRole('button', { name: '絞り込む' }).click();
  await expect(page).toHaveURL(new RegExp(`document=${SLUG}`));
  const approval = page.locator('tr', { hasText: '承認' }).filter({ hasText: 'demo-approver' }).first();
  await expect(approval).toBeVisible();
  await approval.getByRole('link', { name: '新旧対照表' }).click();
  await expect(page).toHaveURL(new RegExp(`/documents/${SLUG}/compare\\?from=\\d+&to=\\d+`));
  await expect(page.locator('main')).toContainText(MARKER.slice(1, -1));

  await page.goto(`/audit?document=${SLUG}`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /CSV/ }).click()]);
  const path = await download.path();
  const bytes = (await import('node:fs')).readFileSync(path!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString('utf8')).toContain('revision.approve');
});
