/*
 * Role-gated screens answer by role: the screen (200) for those whose role opens it, the area's
 * 403 page (HTTP 403, the same panel as before) for other signed-in people, and the sign-in page
 * for anonymous readers. A review address that does not exist answers 403 before 404 to those
 * who may not approve, so the 403 says nothing about which revisions are in review.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiContextAs } from './support/auth';
import { loginAs } from './support/login';

const ROLES = ['demo-staff', 'demo-editor', 'demo-approver', 'demo-auditor', 'demo-admin'] as const;
type TRole = (typeof ROLES)[number];

const TITLE = 'この画面を表示する権限がありません';
// The HTML's <title> says which page answered (Next.js renders the panel itself from the RSC payload,
// which carries every area's forbidden.tsx on every page, so the panel's text cannot tell).
const FORBIDDEN_TITLE = `<title>${TITLE} |`;

const SCREENS: { path: string; opens: Partial<Record<TRole, number>>; body: string }[] = [
  { path: '/approvals', opens: { 'demo-approver': 200 }, body: '承認の画面は、承認者の役割を持つアカウントだけが利用できます。' },
  { path: '/approvals/sample-standard/999', opens: { 'demo-approver': 404 }, body: '承認の画面は、承認者の役割を持つアカウントだけが利用できます。' },
  { path: '/audit', opens: { 'demo-auditor': 200, 'demo-admin': 200 }, body: '監査記録は、監査担当とシステム管理者の役割を持つアカウントだけが閲覧できます。' },
  // event 1 is not an administrative one: to an administrator it answers like a missing event
  { path: '/audit/events/1', opens: { 'demo-auditor': 200, 'demo-admin': 404 }, body: '監査記録は、監査担当とシステム管理者の役割を持つアカウントだけが閲覧できます。' },
  { path: '/admin', opens: { 'demo-admin': 200 }, body: '管理の画面は、システム管理者の役割を持つアカウントだけが利用できます。' },
  { path: '/admin/accounts', opens: { 'demo-admin': 200 }, body: '管理の画面は、システム管理者の役割を持つアカウントだけが利用できます。' },
  { path: '/admin/departments', opens: { 'demo-admin': 200 }, body: '管理の画面は、システム管理者の役割を持つアカウントだけが利用できます。' },
  { path: '/admin/grants', opens: { 'demo-admin': 200 }, body: '管理の画面は、システム管理者の役割を持つアカウントだけが利用できます。' },
  { path: '/documents/new', opens: { 'demo-editor': 200 }, body: '文書の作成と文書情報の変更は、情報セキュリティ管理者（起案）の役割を持つアカウントだけが行えます。' },
];

const contexts = new Map<string, APIRequestContext>();
test.beforeAll(async () => {
  for (const who of [null, ...ROLES]) contexts.set(who ?? '', await apiContextAs(who));
});
test.afterAll(async () => {
  await Promise.all([...contexts.values()].map((c) => c.dispose()));
});

for (const { path, opens, body } of SCREENS) {
  test(`${path}: sign-in for anonymous, 403 for roles it does not open`, async () => {
    const anonymous = await contexts.get('')!.get(path, { maxRedirects: 0 });
    expect(anonymous.status(), `anonymous ${path}`).toBe(307);
    const location = new URL(anonymous.headers()['location'] ?? '', 'http://localhost');
    expect(location.pathname).toBe('/login');
    expect(location.searchParams.get('callbackUrl')).toBe(path);

    for (const role of ROLES) {
      const response = await contexts.get(role)!.get(path, { maxRedirects: 0 });
      const want = opens[role] ?? 403;
      expect(response.status(), `${role} ${path}`).toBe(want);
      const html = await response.text();
      if (want === 403) {
        expect(html, `${role} ${path}`).toContain(FORBIDDEN_TITLE);
        expect(html).toContain(body);
        expect(html).toContain('<meta name="robots" content="noindex"/>');
      } else {
        expect(html, `${role} ${path}`).not.toContain(FORBIDDEN_TITLE);
      }
    }
  });
}

test('the 403 page is the portal page with its header, heading and way home', async ({ page }) => {
  await loginAs(page, 'demo-staff');
  const response = await page.goto('/admin/accounts');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('管理の画面は、システム管理者の役割を持つアカウントだけが利用できます。');
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'ホームへ' })).toBeVisible();
});
