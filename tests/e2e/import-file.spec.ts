/*
 * 文書を取り込む in the browser: an editor uploads a Word file as a new document, sees the text
 * beside its structure with the reader's warning at its line, fixes a line, saves the draft and
 * submits it for approval (an import never bypasses it). A scanned PDF is refused with a Japanese
 * message. ファイルから改正案を作る makes a draft of an existing document the same way.
 * Screenshots of the three states go to docs/screenshots/wave2/ingest-*.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { postAction } from './support/actions';
import { apiContextAs } from './support/auth';
import { sql } from './support/db';
import { expectNoAxeViolations } from './support/axe';
import { loginAs } from './support/login';

const RUN = Date.now().toString(36);
const SLUG = `imported-${RUN}`;
const FIXTURES = 'tests/fixtures/ingest';
const SHOTS = 'docs/screenshots/wave2';
const FIX = `（取込み時に修正${RUN}）`;

test.describe.configure({ mode: 'serial', timeout: 120_000 });

function japanDate(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date(Date.now() + days * 86_400_000));
}

async function upload(page: Page, file: string) {
  await page.getByLabel('取り込むファイル').setInputFiles(`${FIXTURES}/${file}`);
  await page.getByRole('button', { name: 'ファイルを読み込む' }).click();
}

test('an editor imports a Word file as a new document, fixes a line and submits the draft', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await loginAs(page, 'demo-editor', { callbackUrl: '/documents/new' });
  await page.getByRole('link', { name: 'ファイルから取り込む' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '文書を取り込む' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '手順 1/3: ファイルを選ぶ' })).toBeVisible();
  await expect(page.getByText(/10MBまで/)).toBeVisible();
  await expectNoAxeViolations(page, '文書を取り込む（ファイルを選ぶ）');
  await page.screenshot({ path: `${SHOTS}/ingest-upload.png`, fullPage: true });

  await upload(page, 'standard.docx');
  await expect(page.getByRole('heading', { name: '手順 2/3: 本文を確かめる' })).toBeVisible();
  await expect(page.getByText('standard.docx')).toBeVisible();
  await expect(page.getByText('Word 文書（.docx）')).toBeVisible();
  // The reader's warning, at its line, leads there
  const warning = page.getByRole('button', { name: /38行目: 結合されたセルを含む表です。.*Word の表2の1行目/ });
  await expect(warning).toBeVisible();
  await warning.click();
  await expect(page.getByText(/^38行目（全4[0-9]行）$/)).toBeVisible();
  // Word's own numbering is structure: (イ) holds a and b in the preview
  const preview = page.getByRole('region', { name: '構造のプレビュー' });
  await expect(preview.getByText('内部監査')).toBeVisible();

  const body = page.getByLabel('本文', { exact: true });
  const text = await body.inputValue();
  expect(text).toContain('(イ)　監査の指示\na　内部監査');
  await body.fill(text.replace('副市長をもって充てる。', `副市長をもって充てる${FIX}。`));
  await expect(preview.getByText(FIX)).toBeVisible();
  await expectNoAxeViolations(page, '文書を取り込む（本文を確かめる）');
  await page.screenshot({ path: `${SHOTS}/ingest-preview.png`, fullPage: true });

  await page.getByLabel('スラッグ（アドレスに使う名前）').fill(SLUG);
  await page.getByLabel('種別').selectOption('STANDARD');
  await expect(page.getByLabel('表題')).toHaveValue('○○市情報セキュリティ対策基準');
  await page.getByLabel('表題').fill(`取込み確認用対策基準（${RUN}）`);
  await page.getByRole('button', { name: '文書を作成して下書きを保存する' }).click();

  await expect(page).toHaveURL(new RegExp(`/documents/${SLUG}/edit\\?notice=imported`));
  await expect(page.getByText('ファイルから読み込んだ本文を下書きとして保存しました。')).toBeVisible();
  await expect(page.getByLabel('本文', { exact: true })).toHaveValue(new RegExp(FIX));
  await page.getByLabel('改正理由').fill('既存の対策基準の取込み');
  await page.getByLabel('施行日').fill(japanDate(30));
  await page.getByRole('button', { name: '承認依頼を提出する' }).click();
  await expect(page.getByText(/承認依頼を提出しました|承認待ち/).first()).toBeVisible();
  // In review, waiting for an approver: nothing of it is in force.
  expect(await sql(`SELECT r.status FROM revisions r JOIN documents d ON d.id = r.document_id WHERE d.slug = $1`, [SLUG])).toEqual([{ status: 'IN_REVIEW' }]);
});

test('a scanned PDF is refused with a Japanese message and nothing is created', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await loginAs(page, 'demo-editor', { callbackUrl: '/documents/new/import' });
  const counts = () => sql(`SELECT (SELECT count(*) FROM documents)::int AS documents, (SELECT count(*) FROM revisions)::int AS revisions`);
  const before = await counts();
  await upload(page, 'scanned.pdf');
  const message = page.getByText('PDF に文字の情報がありません（スキャンした画像の PDF と思われます）。', { exact: false });
  await expect(message).toBeVisible();
  // the message takes the focus, so that it is read out
  await expect(page.locator('div[tabindex="-1"]').filter({ hasText: 'ファイルを読み込めませんでした' })).toBeFocused();
  await expect(page.getByRole('heading', { name: '手順 1/3: ファイルを選ぶ' })).toBeVisible();
  expect(await counts()).toEqual(before);
  await expectNoAxeViolations(page, '文書を取り込む（読み込めないファイル）');
  await page.screenshot({ path: `${SHOTS}/ingest-error.png`, fullPage: true });
});

test('ファイルから改正案を作る makes a draft of an existing document', async ({ page }) => {
  const slug = 'sample-standard';
  await page.setViewportSize({ width: 1400, height: 1000 });
  await loginAs(page, 'demo-editor', { callbackUrl: `/documents/${slug}/edit` });
  await page.getByRole('link', { name: 'ファイルから改正案を作る' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /ファイルから改正案を作る/ })).toBeVisible();
  await upload(page, 'procedure.pdf');
  await expect(page.getByRole('button', { name: /ページ番号 3 行を取り除きました/ })).toBeVisible();
  await page.getByRole('button', { name: '改正案として保存する' }).click();
  await expect(page).toHaveURL(new RegExp(`/documents/${slug}/edit\\?notice=imported`));
  const heading = page.getByRole('heading', { level: 1, name: /改正案（整理番号\d+）/ });
  await expect(heading).toBeVisible();
  const number = /整理番号(\d+)/.exec((await heading.textContent()) ?? '')?.[1] ?? '';
  const [draft] = await sql<{ status: string; draft_text: string; base_is_last: boolean }>(
    `SELECT r.status, r.draft_text,
            r.base_revision_id = (SELECT id FROM revisions WHERE document_id = d.id AND status = 'APPROVED' ORDER BY effective_date DESC LIMIT 1) AS base_is_last
       FROM revisions r JOIN documents d ON d.id = r.document_id WHERE d.slug = $1 AND r.number = $2`,
    [slug, Number(number)],
  );
  expect(draft).toMatchObject({ status: 'DRAFT', base_is_last: true });
  expect(draft!.draft_text).toContain('情報システム運用管理実施手順');
  // Leave the document as it was for the specs that follow.
  const editor = await apiContextAs('demo-editor');
  await postAction(editor, 'withdrawRevisionAction', { slug, number }, { slug });
  await editor.dispose();
});
