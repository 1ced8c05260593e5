/*
 * axe (WCAG 2.2 AA) over every screen of the portal, each as the role that uses it: the reader's
 * screens anonymously and as staff, the editor's, approver's, auditor's and administrator's
 * screens, the sign-in page, and the 404 and 403 screens. Zero violations is the bar.
 */
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { actionResult, postAction } from './support/actions';
import { apiContextAs } from './support/auth';
import { AXE_TEST_TIMEOUT, expectNoAxeViolations } from './support/axe';

const RUN = Date.now().toString(36);
test.describe.configure({ timeout: AXE_TEST_TIMEOUT });
/** A document of this spec's own, with a draft in review, so the editor's and approver's screens have something to show. */
const SLUG = `axe-${RUN}`;
const TITLE = `アクセシビリティ確認用手順（${RUN}）`;
const BODY = ['第1条（目的）', 'この手順は、アクセシビリティの確認に用いる。', '第2条（範囲）', 'この手順は、全ての職員に適用する。'].join('\n');

type TScreen = { screen: string; as: string | null; path: string; expectStatus?: number; then?: (page: Page) => Promise<void> };

const SCREENS: TScreen[] = [
  // The reader's screens
  { screen: 'ホーム', as: null, path: '/' },
  { screen: 'ホーム（職員）', as: 'demo-staff', path: '/' },
  { screen: '規程一覧', as: null, path: '/documents' },
  { screen: '規程一覧（職員）', as: 'demo-staff', path: '/documents' },
  { screen: '本文（基本方針）', as: null, path: '/documents/basic-policy' },
  { screen: '本文（対策基準・職員）', as: 'demo-staff', path: '/documents/sample-standard' },
  { screen: '本文（外部に周知すべき事項）', as: null, path: '/documents/sample-standard' },
  { screen: '検索結果', as: null, path: `/search?q=${encodeURIComponent('情報資産')}` },
  { screen: '検索結果（職員）', as: 'demo-staff', path: `/search?q=${encodeURIComponent('パスワード')}` },
  { screen: '検索（語なし）', as: 'demo-staff', path: '/search' },
  // History and comparison
  { screen: '沿革', as: 'demo-auditor', path: '/documents/sample-standard/revisions' },
  { screen: '版の表示', as: 'demo-auditor', path: '/documents/sample-standard/revisions/1' },
  { screen: '新旧対照表', as: 'demo-auditor', path: '/documents/sample-standard/compare?from=1&to=2' },
  { screen: '新旧対照表（全文）', as: 'demo-auditor', path: '/documents/sample-standard/compare?from=1&to=2&all=1' },
  // The editor's screens
  { screen: '改正案の作成', as: 'demo-editor', path: '/documents/sample-standard/edit' },
  { screen: '文書の新規作成', as: 'demo-editor', path: '/documents/new' },
  { screen: '文書を取り込む', as: 'demo-editor', path: '/documents/new/import' },
  { screen: 'ファイルから改正案を作る', as: 'demo-editor', path: '/documents/sample-standard/import' },
  { screen: '文書情報の設定', as: 'demo-editor', path: '/documents/sample-standard/settings' },
  { screen: '外部に周知すべき事項の設定', as: 'demo-editor', path: '/documents/sample-standard/excerpts' },
  // The auditor's and the administrator's screens
  { screen: '監査記録', as: 'demo-auditor', path: '/audit' },
  { screen: '監査記録（管理操作のみ）', as: 'demo-admin', path: '/audit' },
  { screen: '監査記録の詳細', as: 'demo-auditor', path: '/audit/events/1' },
  { screen: '管理', as: 'demo-admin', path: '/admin' },
  { screen: 'アカウント管理', as: 'demo-admin', path: '/admin/accounts' },
  { screen: '部局管理', as: 'demo-admin', path: '/admin/departments' },
  { screen: '閲覧権限の管理', as: 'demo-admin', path: '/admin/grants' },
  // 遵守の確認
  { screen: 'ホーム（確認が必要な文書）', as: 'demo-staff-somu', path: '/' },
  { screen: '改正内容の確認（本文）', as: 'demo-staff', path: '/acknowledgments/sample-standard' },
  { screen: '改正内容の確認（新旧対照表）', as: 'demo-staff-somu', path: '/acknowledgments/sample-standard' },
  { screen: '確認状況（課長）', as: 'demo-section-chief', path: '/acknowledgments/board' },
  { screen: '確認状況（CISO）', as: 'demo-ciso', path: '/acknowledgments/board' },
  { screen: '権限なし（確認状況）', as: 'demo-staff', path: '/acknowledgments/board', expectStatus: 403 },
  // Sign-in, missing and forbidden
  { screen: 'ログイン', as: null, path: '/login' },
  {
    screen: 'ログイン（誤り）',
    as: null,
    path: '/login',
    then: async (page) => {
      await page.waitForLoadState('networkidle');
      await page.getByLabel('ログインID').fill('demo-staff');
      await page.getByLabel('パスワード').fill('not-the-password');
      await page.getByRole('button', { name: 'ログイン' }).click();
      await expect(page.getByText('ログインIDまたはパスワードが正しくありません。')).toBeVisible();
    },
  },
  { screen: 'ページが見つかりません', as: null, path: '/no-such-page', expectStatus: 404 },
  { screen: '文書が見つかりません', as: 'demo-staff', path: '/documents/no-such-document', expectStatus: 404 },
  { screen: '権限なし（承認）', as: 'demo-staff', path: '/approvals', expectStatus: 403 },
  { screen: '権限なし（監査記録）', as: 'demo-staff', path: '/audit', expectStatus: 403 },
  { screen: '権限なし（管理）', as: 'demo-staff', path: '/admin', expectStatus: 403 },
  { screen: '権限なし（文書の作成）', as: 'demo-staff', path: '/documents/new', expectStatus: 403 },
  { screen: '権限なし（文書を取り込む）', as: 'demo-staff', path: '/documents/new/import', expectStatus: 403 },
];

/** Sessions signed in once per role through next-auth's credentials flow (the sign-in page has its own row above). */
const sessions = new Map<string, Awaited<ReturnType<APIRequestContext['storageState']>>>();
async function pageAs(browser: Browser, who: string | null): Promise<Page> {
  if (who && !sessions.has(who)) {
    const context = await apiContextAs(who);
    sessions.set(who, await context.storageState());
    await context.dispose();
  }
  const context = await browser.newContext(who ? { storageState: sessions.get(who) } : {});
  return context.newPage();
}

for (const { screen, as, path, expectStatus, then } of SCREENS) {
  test(`${screen} (${as ?? '匿名'}) has no axe violations`, async ({ browser }) => {
    const page = await pageAs(browser, as);
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(expectStatus ?? 200);
    await expect(page.locator('h1').first()).toBeVisible();
    if (then) await then(page);
    await expectNoAxeViolations(page, screen);
    await page.context().close();
  });
}

test.describe('a draft of its own, through editing and review', () => {
  test.describe.configure({ mode: 'serial' });
  let editor: APIRequestContext;

  test.beforeAll(async () => {
    editor = await apiContextAs('demo-editor');
    const ok = async (response: Awaited<ReturnType<typeof postAction>>) => expect(await actionResult(response)).toMatchObject({ ok: true });
    await ok(await postAction(editor, 'createDocumentAction', { slug: SLUG, kind: 'PROCEDURE', title: TITLE, parentSlug: '', departmentCode: 'general-affairs', visibility: 'STAFF', requiredApprovals: '1', reviewIntervalMonths: '12' }));
    await ok(await postAction(editor, 'saveDraftAction', { slug: SLUG, number: '1', baseVersion: '1', text: BODY }, { slug: SLUG }));
  });

  test.afterAll(async () => {
    // Leave nothing in the approvers' queue for the specs that follow.
    await postAction(editor, 'withdrawRevisionAction', { slug: SLUG, number: '1' }, { slug: SLUG });
    await editor.dispose();
  });

  test('the draft editor has no axe violations', async ({ browser }) => {
    const page = await pageAs(browser, 'demo-editor');
    await page.goto(`/documents/${SLUG}/edit`);
    await expect(page.getByLabel('本文', { exact: true })).toBeVisible();
    await expectNoAxeViolations(page, '改正案の編集');
  });

  test('the approval queue and the review screen have no axe violations', async ({ browser }) => {
    const submitted = await actionResult(await postAction(editor, 'submitRevisionAction', { slug: SLUG, number: '1', changeReason: 'アクセシビリティ確認のため', effectiveDate: japanDate(10) }, { slug: SLUG }));
    expect(submitted).toMatchObject({ ok: true });
    const page = await pageAs(browser, 'demo-approver');
    await page.goto('/approvals');
    await expect(page.getByRole('link', { name: new RegExp(TITLE.replace(/[（）]/g, '.')) })).toBeVisible();
    await expectNoAxeViolations(page, '承認待ち一覧');
    await page.getByRole('link', { name: new RegExp(TITLE.replace(/[（）]/g, '.')) }).first().click();
    await expect(page.getByText('アクセシビリティ確認のため')).toBeVisible();
    await expectNoAxeViolations(page, '審査');
  });
});

function japanDate(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date(Date.now() + days * 86_400_000));
}
