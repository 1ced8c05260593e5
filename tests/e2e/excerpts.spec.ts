/*
 * Public excerpts (外部に周知すべき事項) belong to a revision, in the browser: an editor creates a
 * staff-only document and marks one article public in its draft; an approver approves it; an
 * anonymous reader sees exactly that article. Then an amendment inserts an article before it: the
 * editor sees 第2条 → 第3条 carried forward, must confirm it before submitting, and until the
 * amendment's day anonymous readers see nothing of it (no number, no date, no text).
 */
import { expect, test, type Page } from '@playwright/test';
import { loginAs } from './support/login';

const japanDate = (days = 0) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date(Date.now() + days * 86_400_000));
const TODAY = japanDate(0);
const TOMORROW = japanDate(1);
const RUN = Date.now().toString(36);
const SLUG = `e2e-excerpts-${RUN}`;
const TITLE = `委託先への周知事項（e2e ${RUN}）`;

const ARTICLE = {
  purpose: ['（目的）', '第1条　この手順は、桔梗色計画に係る委託先の管理について定める。'],
  report: ['（報告）', '第2条　委託先は、事故を知ったときは、紺碧色連絡票により直ちに報告しなければならない。'],
  ledger: ['（記録）', '第3条　職員は、鉛丹色台帳に委託の内容を記録しなければならない。'],
  inserted: ['（携行）', '第2条　委託先の作業者は、山吹色手帳を携行しなければならない。'],
};
const renumber = (lines: string[], n: number) => [lines[0]!, lines[1]!.replace(/^第\d+条/, `第${n}条`)];
const text = (articles: string[][]) => [TITLE, '', ...articles.flat(), '', '付則', 'この手順は、公布の日から施行する。', ''].join('\n');

// Each test walks several screens on a shared machine: more than the default 30 seconds.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

async function writeBody(page: Page, body: string) {
  const field = page.getByLabel('本文', { exact: true });
  await expect(field).toBeVisible();
  await field.fill(body);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText(/保存しました/).first()).toBeVisible();
}

async function submit(page: Page, reason: string, date: string) {
  await page.getByLabel('改正理由').fill(reason);
  await page.getByLabel('施行日').fill(date);
  await page.getByRole('button', { name: '承認依頼を提出する' }).click();
}

async function approve(page: Page, date: string, publicArticle: string) {
  await loginAs(page, 'demo-approver', { callbackUrl: '/approvals' });
  await page.getByRole('link', { name: new RegExp(TITLE.replace(/[()（）]/g, '.')) }).first().click();
  // the public articles are approved with the text: the approver sees them
  await expect(page.getByTestId('excerpt-carry')).toContainText(publicArticle);
  await page.getByLabel('コメント').fill('公開範囲を含めて確認しました。');
  await page.getByLabel('施行日').fill(date);
  await page.getByRole('button', { name: '承認する' }).click();
  await expect(page.getByText(/承認しました/).first()).toBeVisible();
}

/** The article anchors on the page: the sections of the text. */
const shownArticles = (page: Page) => page.locator('main section[id^="a"]').evaluateAll((sections) => sections.map((s) => s.id).filter((id) => /^a\d+$/.test(id)));

test('an editor marks one article of a new staff-only document public in its draft and submits it', async ({ page }) => {
  await loginAs(page, 'demo-editor', { callbackUrl: '/documents/new' });
  await page.getByLabel(/スラッグ/).fill(SLUG);
  await page.getByLabel('表題').fill(TITLE);
  await page.getByRole('radio', { name: /職員限定/ }).check();
  await page.getByRole('button', { name: '文書を作成する' }).click();
  await expect(page).toHaveURL(new RegExp(`/documents/${SLUG}/edit`));
  await writeBody(page, text([ARTICLE.purpose, ARTICLE.report, ARTICLE.ledger]));

  await page.goto(`/documents/${SLUG}/excerpts`);
  await expect(page.getByRole('heading', { name: '改正案で公開する条' })).toBeVisible();
  await page.getByLabel('第2条（報告）', { exact: true }).check();
  await page.getByRole('button', { name: 'この内容で確定する' }).click();
  await expect(page.getByText('公開する条を確定しました')).toBeVisible();

  await page.goto(`/documents/${SLUG}/edit`);
  const panel = page.getByTestId('excerpt-carry');
  await expect(panel.getByTestId('excerpt-added')).toContainText('第2条（報告）');
  await expect(panel).toContainText('確認済み');
  await submit(page, '委託先への周知事項の制定', TODAY);
  await expect(page.getByText(/承認依頼を提出しました|承認待ち/).first()).toBeVisible();
});

test('an approver approves it, in force today', async ({ page }) => {
  await approve(page, TODAY, '第2条（報告）');
});

test('an anonymous reader sees exactly the marked article', async ({ page, request }) => {
  const response = await page.goto(`/documents/${SLUG}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByText('外部に周知すべき事項のみを掲載しています')).toBeVisible();
  expect(await shownArticles(page)).toEqual(['a2']);
  await expect(page.locator('main')).toContainText('紺碧色連絡票');
  await expect(page.locator('main')).not.toContainText('桔梗色計画');
  await expect(page.locator('main')).not.toContainText('鉛丹色台帳');

  const json = (await (await request.get(`/api/v1/documents/${SLUG}`)).json()) as { revision: { number: number; tree: { body: { kind: string; id: string }[]; tail: unknown[] } } };
  expect(json.revision.tree.body.map((n) => `${n.kind}:${n.id}`)).toEqual(['article:a2']);
  expect(json.revision.tree.tail).toEqual([]);
});

test('an amendment inserts an article before it: the editor confirms 第2条 → 第3条 before submitting', async ({ page }) => {
  await loginAs(page, 'demo-editor', { callbackUrl: `/documents/${SLUG}/edit` });
  await page.getByRole('button', { name: '改正案を作成する' }).click();
  await writeBody(page, text([ARTICLE.purpose, ARTICLE.inserted, renumber(ARTICLE.report, 3), renumber(ARTICLE.ledger, 4)]));
  await page.reload();

  const panel = page.getByTestId('excerpt-carry');
  await expect(panel.getByTestId('excerpt-carried')).toContainText('第2条（報告）');
  await expect(panel.getByTestId('excerpt-carried')).toContainText('第3条（報告）');
  await expect(panel.getByTestId('excerpt-carried')).toContainText('番号変更');
  await expect(panel).toContainText('確認して確定してください');

  await submit(page, '携行品の規定の追加', TOMORROW);
  await expect(page.getByText('引き継ぐ条を確認してから提出してください').first()).toBeVisible();

  await panel.getByRole('link', { name: '公開する条を確認・変更する' }).click();
  await expect(page).toHaveURL(new RegExp(`/documents/${SLUG}/excerpts`));
  await expect(page.getByLabel('第3条（報告）', { exact: true })).toBeChecked();
  await expect(page.getByLabel('第2条（携行）', { exact: true })).not.toBeChecked();
  await page.getByRole('button', { name: 'この内容で確定する' }).click();
  await expect(page.getByText('公開する条を確定しました')).toBeVisible();

  await page.goto(`/documents/${SLUG}/edit`);
  await expect(page.getByTestId('excerpt-carry')).toContainText('確認済み');
  await submit(page, '携行品の規定の追加', TOMORROW);
  await expect(page.getByText(/承認依頼を提出しました|承認待ち/).first()).toBeVisible();
});

test('the approver approves the amendment for tomorrow', async ({ page }) => {
  await approve(page, TOMORROW, '第3条（報告）');
});

test('until its day, anonymous readers see nothing of the scheduled amendment: no number, no date, no text', async ({ page, request }) => {
  for (const path of [`/documents/${SLUG}`, `/documents/${SLUG}?asOf=${TOMORROW}`]) {
    await page.goto(path);
    expect(await shownArticles(page)).toEqual(['a2']);
    await expect(page.locator('main')).not.toContainText('山吹色手帳');
    await expect(page.locator('main')).not.toContainText('未施行');
    await expect(page.locator('main')).not.toContainText('第2版');
    await expect(page.locator(`a[href*="asOf=${TOMORROW}"]`)).toHaveCount(0);
  }
  const body = await (await request.get(`/api/v1/documents/${SLUG}?asOf=${TOMORROW}`)).text();
  expect(JSON.parse(body)).toMatchObject({ document: { scheduled: null, inForce: { number: 1 } }, revision: { number: 1 } });
  expect(body).not.toContain(TOMORROW);
  expect(body).not.toContain('山吹色手帳');
  const library = await (await request.get(`/api/v1/documents?asOf=${TOMORROW}`)).text();
  expect(library).toContain(SLUG);
  expect(library).not.toContain(TOMORROW);

  // a signed-in staff member reads the full text and is told of the amendment
  await loginAs(page, 'demo-staff', { callbackUrl: `/documents/${SLUG}` });
  await expect(page.getByText(/未施行|改正予定/).first()).toBeVisible();
  await expect(page.locator('main')).toContainText('鉛丹色台帳');
});
