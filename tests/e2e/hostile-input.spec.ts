/*
 * Hostile input over real HTTP against the running portal, as tables of "target, payload,
 * expected outcome". To cover a new page, action or endpoint, add a row: RENDERED_PAGES for a
 * screen that shows stored text, REQUEST_ROWS for a request and the answer it must get. Server
 * actions are posted as React's client posts them (support/actions.ts); sessions are real
 * next-auth sessions (support/auth.ts). The DAL side is tests/integration/hostile-input.test.ts.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type APIResponse, type Browser } from '@playwright/test';
import { encode } from 'next-auth/jwt';
import { ACTIONS, actionId, actionResult, postAction } from './support/actions';
import { apiContextAs, BASE_URL, sessionCookie } from './support/auth';
import { sql } from './support/db';

test.describe.configure({ mode: 'serial' });

const RUN = Date.now().toString(36);
const SLUG = `xss-${RUN}`;
const EDITOR = `xss-editor-${RUN}`;
const DEPARTMENT = `xss-${RUN}`;
const japanDate = (days = 0) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date(Date.now() + days * 86_400_000));

/** One payload per field, so that a page showing it says which field it rendered. Each would set window.__xss or open a dialog if it ran. */
const P = {
  title: `<script>alert('xss-title');window.__xss='title'</script>検査用手順`,
  department: `<img src=x onerror="alert('xss-dept');window.__xss='dept'">検査部`,
  displayName: `<svg onload="alert('xss-name');window.__xss='name'">検査 太郎</svg>`,
  reason: `<a href="javascript:alert('xss-reason');window.__xss='reason'">改正理由</a>`,
  rejection: `"><img src=x onerror=alert('xss-reject')>差戻し`,
  approval: `</textarea><script>alert('xss-approve')</script>承認`,
  body1: `<img src=x onerror="alert('xss-body');window.__xss='body'">`,
  body2: `javascript:alert('xss-body2')`,
  body3: `<svg/onload=alert('xss-body3')><iframe src="javascript:alert('xss-body3')"></iframe>`,
  body4: `<body onload=alert('xss-body4')><math><mtext></table><img src=x onerror=alert('xss-body4')>`,
} as const;

const BODY_V1 = ['検査用手順', '（目的）', `第1条　${P.body1}`, `２　${P.body2}`, '（定義）', `第2条　${P.body3}`, ''].join('\n');
const BODY_V2 = ['検査用手順', '（目的）', `第1条　${P.body4}`, `２　${P.body2}`, '（定義）', `第2条　${P.body3}`, `第3条　${P.body1}を追加する。`, ''].join('\n');

const contexts = new Map<string, APIRequestContext>();
let editorPassword = '';
/** the audit event of the document's creation, whose details hold the hostile title */
let documentCreatedSeq = '';
async function as(loginId: string | null): Promise<APIRequestContext> {
  const key = loginId ?? '';
  if (!contexts.has(key)) contexts.set(key, await apiContextAs(loginId, loginId === EDITOR ? editorPassword : undefined));
  return contexts.get(key)!;
}

async function okAction(response: APIResponse) {
  const result = await actionResult<{ ok: boolean; data?: Record<string, unknown>; error?: { message: string } }>(response);
  expect(result, `${response.url()} ${response.status()} ${result?.error?.message ?? ''}`).toMatchObject({ ok: true });
  return result!.data ?? {};
}

// Arrange: every payload stored through the portal's own server actions, as people would type them.
test.beforeAll(async () => {
  test.setTimeout(120_000);
  const admin = await as('demo-admin');
  await okAction(await postAction(admin, 'createDepartmentAction', { code: DEPARTMENT, name: P.department }));
  const account = await okAction(await postAction(admin, 'createAccountAction', { loginId: EDITOR, displayName: P.displayName, departmentCode: DEPARTMENT, roles: ['STAFF', 'EDITOR'] }));
  editorPassword = String(account.password);

  const editor = await as(EDITOR);
  const document = { slug: SLUG, kind: 'PROCEDURE', title: P.title, parentSlug: '', departmentCode: DEPARTMENT, visibility: 'RESTRICTED', requiredApprovals: '1', reviewIntervalMonths: '12' };
  await okAction(await postAction(editor, 'createDocumentAction', document));
  const [created] = await sql<{ seq: string }>(`SELECT seq::text FROM audit_events WHERE action = 'document.create' AND target_id = $1`, [SLUG]);
  documentCreatedSeq = created!.seq;
  await okAction(await postAction(editor, 'saveDraftAction', { slug: SLUG, number: '1', baseVersion: '1', text: BODY_V1 }, { slug: SLUG }));
  await okAction(await postAction(editor, 'submitRevisionAction', { slug: SLUG, number: '1', changeReason: P.reason, effectiveDate: japanDate() }, { slug: SLUG }));
  const approver = await as('demo-approver');
  await okAction(await postAction(approver, 'approveRevisionAction', { slug: SLUG, number: '1', comment: P.approval, effectiveDate: japanDate() }, { slug: SLUG, number: '1' }));

  await okAction(await postAction(editor, 'startDraftAction', { slug: SLUG }, { slug: SLUG }));
  const [{ version }] = (await sql<{ version: number }>(`SELECT r.version FROM revisions r JOIN documents d ON d.id = r.document_id WHERE d.slug = $1 AND r.number = 2`, [SLUG])) as [{ version: number }];
  await okAction(await postAction(editor, 'saveDraftAction', { slug: SLUG, number: '2', baseVersion: String(version), text: BODY_V2 }, { slug: SLUG }));
  await okAction(await postAction(editor, 'submitRevisionAction', { slug: SLUG, number: '2', changeReason: P.reason, effectiveDate: japanDate(30) }, { slug: SLUG }));
  await okAction(await postAction(approver, 'rejectRevisionAction', { slug: SLUG, number: '2', comment: P.rejection }, { slug: SLUG, number: '2' }));
  await okAction(await postAction(editor, 'submitRevisionAction', { slug: SLUG, number: '2', changeReason: P.reason, effectiveDate: japanDate(30) }, { slug: SLUG }));
});

test.afterAll(async () => {
  // Leave no revision waiting in the approvers' queue for the specs that follow.
  const editor = await as(EDITOR);
  await postAction(editor, 'withdrawRevisionAction', { slug: SLUG, number: '2' }, { slug: SLUG });
  await Promise.all([...contexts.values()].map((c) => c.dispose()));
});

// ---------------------------------------------------------------------------------------------
// 1. Every screen that shows stored text shows the payloads as text: nothing runs, nothing is injected.
// ---------------------------------------------------------------------------------------------

const RENDERED_PAGES: { screen: string; as: string; path: () => string; shows: (keyof typeof P)[] }[] = [
  { screen: '本文（閲覧）', as: 'demo-auditor', path: () => `/documents/${SLUG}`, shows: ['title', 'body1', 'body2', 'body3'] },
  { screen: '規程一覧', as: 'demo-auditor', path: () => '/documents', shows: ['title'] },
  { screen: 'ホーム', as: EDITOR, path: () => '/', shows: ['displayName'] },
  { screen: '沿革（版の一覧）', as: 'demo-auditor', path: () => `/documents/${SLUG}/revisions`, shows: ['title', 'reason', 'rejection', 'approval'] },
  { screen: '版の表示', as: 'demo-auditor', path: () => `/documents/${SLUG}/revisions/2`, shows: ['title', 'reason', 'body4', 'body1'] },
  { screen: '新旧対照表', as: 'demo-auditor', path: () => `/documents/${SLUG}/compare?from=1&to=2&all=1`, shows: ['title', 'body1', 'body2', 'body3'] },
  { screen: '承認待ち一覧', as: 'demo-approver', path: () => '/approvals', shows: ['title', 'reason'] },
  { screen: '承認の審査', as: 'demo-approver', path: () => `/approvals/${SLUG}/2`, shows: ['title', 'reason', 'rejection', 'body1', 'body3'] },
  { screen: '改正案の編集', as: EDITOR, path: () => `/documents/${SLUG}/edit`, shows: ['title', 'rejection', 'body4'] },
  { screen: '文書の設定', as: EDITOR, path: () => `/documents/${SLUG}/settings`, shows: ['title'] },
  { screen: '監査証跡', as: 'demo-auditor', path: () => `/audit?document=${SLUG}`, shows: [] },
  { screen: '監査記録の詳細（文書の作成）', as: 'demo-auditor', path: () => `/audit/events/${documentCreatedSeq}`, shows: ['title'] },
  { screen: '部局の管理', as: 'demo-admin', path: () => '/admin/departments', shows: ['department'] },
  { screen: 'アカウントの管理', as: 'demo-admin', path: () => '/admin/accounts', shows: ['displayName', 'department'] },
  { screen: '閲覧権限の管理', as: 'demo-admin', path: () => '/admin/grants', shows: ['title'] },
  { screen: '検索結果', as: 'demo-auditor', path: () => `/search?q=${encodeURIComponent('alert')}`, shows: ['title', 'body1', 'body2', 'body3'] },
  { screen: '検索結果（検索語そのものが攻撃文字列）', as: 'demo-auditor', path: () => `/search?q=${encodeURIComponent(P.body1)}`, shows: ['body1'] },
];

/** Elements and attributes only an injected payload would put in the page. */
const INJECTED = ['img[src="x"]', 'svg[onload]', 'iframe[src^="javascript:" i]', 'a[href^="javascript:" i]', '[onerror]', '[onload]', 'math', 'body[onload]'].join(', ');

async function browserPageAs(browser: Browser, loginId: string) {
  const context = await browser.newContext({ baseURL: BASE_URL });
  await context.addCookies((await (await as(loginId)).storageState()).cookies);
  return { context, page: await context.newPage() };
}

test.describe('stored payloads render inert on every screen that shows them', () => {
  for (const { screen, as: who, path, shows } of RENDERED_PAGES) {
    test(`${screen} (${who === EDITOR ? '起案者' : who})`, async ({ browser }) => {
      const { context, page } = await browserPageAs(browser, who);
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const response = await page.goto(path());
      expect(response?.status()).toBe(200);
      await page.waitForLoadState('networkidle');
      // What a person can read: text nodes outside scripts (collapsed details included) and form fields' values.
      const readable = await page.evaluate(() => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.parentElement?.closest('script, style') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT) });
        const texts: string[] = [];
        while (walker.nextNode()) texts.push(walker.currentNode.textContent ?? '');
        return [texts.join(''), ...[...document.querySelectorAll('input, textarea')].map((e) => (e as HTMLInputElement).value)].join('\n');
      });
      for (const field of shows) expect.soft(readable, `${field} shown as text`).toContain(P[field]);
      expect(await page.locator(INJECTED).count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
      const scripts = await page.locator('script').evaluateAll((nodes) => nodes.filter((n) => /alert\('xss|__xss/.test(n.textContent ?? '') && !/self\.__next_f/.test(n.textContent ?? '')).length);
      expect(scripts).toBe(0);
      expect(dialogs).toEqual([]);
      await context.close();
    });
  }

  test('a javascript: callbackUrl on the sign-in page lands on the home page', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`/login?callbackUrl=${encodeURIComponent("javascript:alert('xss-callback')")}`);
    await page.getByLabel('ログインID').fill('demo-staff');
    await page.getByLabel('パスワード').fill('demo-password-2026');
    await page.getByRole('button', { name: 'ログイン' }).click();
    await expect(page).toHaveURL(`${BASE_URL}/`);
    expect(dialogs).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// 2. Requests: target, payload, expected answer. `status` is the HTTP status; `code` the typed
//    error code of a JSON answer ({ error: { code, message } }) or of a server action's result.
// ---------------------------------------------------------------------------------------------

type TRow = {
  group: string;
  target: string;
  payload: string;
  as?: string | null;
  send: (context: APIRequestContext) => Promise<APIResponse>;
  status: number | number[];
  code?: string;
  /** a 500 that Next.js gives before the portal's code runs (documented above the row) */
  nextLimitation?: boolean;
  /** what must (not) have happened, checked after the answer */
  after?: (response: APIResponse) => Promise<void>;
};

const NUL = '\u0000';
const get = (path: string, headers: Record<string, string> = {}) => (context: APIRequestContext) => context.get(path, { headers, maxRedirects: 0, timeout: 15_000 });
const action = (name: Parameters<typeof postAction>[1], fields: Record<string, string | string[]>, options: Parameters<typeof postAction>[3] = {}) => (context: APIRequestContext) => postAction(context, name, fields, options);
/** A server-action POST with a raw body: for payloads no client would encode. */
const rawAction = (body: string | Buffer, contentType: string, id = () => actionId('createDepartmentAction')) => (context: APIRequestContext) =>
  context.post('/admin/departments', { headers: { 'next-action': id(), accept: 'text/x-component', 'content-type': contentType }, data: body, maxRedirects: 0, timeout: 15_000 });
const departmentCount = async (code: string) => (await sql(`SELECT 1 FROM departments WHERE code = $1`, [code])).length;
const noDepartment = (code: string) => async () => expect(await departmentCount(code)).toBe(0);
const multipartBody = (parts: [string, string][], boundary = 'hostileBoundary') =>
  Buffer.from(parts.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join('') + `--${boundary}--\r\n`);
const withRoot = (root: string) => rawAction(multipartBody([['_1_code', `rsc-${RUN}`], ['_1_name', '部'], ['0', root]]), 'multipart/form-data; boundary=hostileBoundary');
const credentials = (fields: Record<string, string>, headers: Record<string, string> = {}) => async (context: APIRequestContext) => {
  const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
  return context.post('/api/auth/callback/credentials', { form: { csrfToken, json: 'true', ...fields }, headers, maxRedirects: 0 });
};

const REQUEST_ROWS: TRow[] = [
  // NUL bytes
  { group: 'NUL', target: 'GET /api/v1/audit/events', payload: 'actor=%00', as: 'demo-auditor', send: get('/api/v1/audit/events?actor=%00'), status: 400, code: 'INVALID_INPUT' },
  { group: 'NUL', target: 'POST /api/v1/audit/export', payload: 'action=draft.%00', as: 'demo-auditor', send: (context) => context.post('/api/v1/audit/export', { form: { action: 'draft.\u0000' }, maxRedirects: 0 }), status: 400, code: 'INVALID_INPUT' },
  { group: 'NUL', target: 'GET /api/v1/documents', payload: 'asOf=%00', send: get('/api/v1/documents?asOf=%00'), status: 400, code: 'INVALID_INPUT' },
  { group: 'NUL', target: 'GET /api/v1/search', payload: 'q=%00', send: get('/api/v1/search?q=%00'), status: 400, code: 'INVALID_INPUT' },
  { group: 'NUL', target: 'GET /search', payload: 'q=%00 (shown as a message)', send: get('/search?q=%00'), status: 200 },
  // Search terms are literal text, bounded in length
  { group: '検索語', target: 'GET /api/v1/search', payload: '201 characters', send: get(`/api/v1/search?q=${encodeURIComponent('あ'.repeat(201))}`), status: 400, code: 'INVALID_INPUT' },
  { group: '検索語', target: 'GET /api/v1/search', payload: "%' OR 1=1; DROP TABLE documents; --", send: get(`/api/v1/search?q=${encodeURIComponent("%' OR 1=1; DROP TABLE documents; --")}`), status: 200 },
  { group: '検索語', target: 'GET /api/v1/search', payload: 'kind=SECRET', send: get('/api/v1/search?q=USB&kind=SECRET'), status: 400, code: 'INVALID_INPUT' },
  { group: '検索語', target: 'GET /api/v1/search', payload: 'page=99999', send: get('/api/v1/search?q=USB&page=99999'), status: 400, code: 'INVALID_INPUT' },
  { group: 'NUL', target: 'GET /api/v1/documents/basic-policy', payload: 'asOf=2026-04-01%00', send: get('/api/v1/documents/basic-policy?asOf=2026-04-01%00'), status: 400, code: 'INVALID_INPUT' },
  { group: 'NUL', target: 'GET /api/v1/documents/basic-policy/compare', payload: 'to=1%00', send: get('/api/v1/documents/basic-policy/compare?from=1&to=1%00'), status: 400, code: 'INVALID_INPUT' },
  { group: 'NUL', target: 'GET /api/v1/documents/{slug}', payload: 'slug %00', send: get('/api/v1/documents/basic-policy%00'), status: 404, code: 'NOT_FOUND' },
  { group: 'NUL', target: 'GET /documents/{slug}', payload: 'slug %00', send: get('/documents/%00'), status: 404 },
  {
    group: 'NUL',
    target: 'GET /audit',
    payload: 'actor=%00',
    as: 'demo-auditor',
    send: get('/audit?actor=%00'),
    status: 200,
    after: async (response) => expect(await response.text()).toContain('使用できない文字（NUL）'),
  },
  { group: 'NUL', target: 'GET /documents/basic-policy', payload: 'asOf=%00 (ignored)', send: get('/documents/basic-policy?asOf=%00'), status: 200 },
  { group: 'NUL', target: 'createDepartmentAction', payload: 'name with NUL', as: 'demo-admin', send: action('createDepartmentAction', { code: `nul-${RUN}`, name: `部${NUL}` }), status: 200, code: 'INVALID_INPUT', after: noDepartment(`nul-${RUN}`) },
  { group: 'NUL', target: 'saveDraftAction', payload: 'text with NUL', as: 'demo-editor', send: action('saveDraftAction', { slug: 'sample-standard', number: '99', baseVersion: '1', text: `第1条${NUL}` }, { slug: 'sample-standard' }), status: 200, code: 'INVALID_INPUT' },
  { group: 'NUL', target: 'submitRevisionAction', payload: 'changeReason with NUL', as: 'demo-editor', send: action('submitRevisionAction', { slug: 'sample-standard', number: '99', changeReason: `理由${NUL}`, effectiveDate: japanDate(10) }, { slug: 'sample-standard' }), status: 200, code: 'INVALID_INPUT' },
  {
    group: 'NUL',
    target: 'POST /api/auth/callback/credentials',
    payload: 'loginId with NUL',
    send: credentials({ loginId: `demo-staff${NUL}`, password: 'demo-password-2026' }),
    status: 401,
    after: async (response) => {
      const url = ((await response.json()) as { url: string }).url;
      expect(new URL(url).searchParams.get('error')).toBe('CredentialsSignin');
    },
  },

  // Oversized bodies
  { group: '大きすぎる本文', target: 'createDepartmentAction', payload: '5 MB name', as: 'demo-admin', send: action('createDepartmentAction', { code: `big-${RUN}`, name: 'x'.repeat(5 * 1024 * 1024) }), status: 413, code: 'PAYLOAD_TOO_LARGE', after: noDepartment(`big-${RUN}`) },
  { group: '大きすぎる本文', target: 'saveDraftAction', payload: '1,000,001 characters (DAL limit + 1, 1 MB)', as: EDITOR, send: action('saveDraftAction', { slug: SLUG, number: '2', baseVersion: '1', text: 'x'.repeat(1_000_001) }, { slug: SLUG }), status: 200, code: 'INVALID_INPUT' },
  { group: '大きすぎる本文', target: 'POST /api/auth/callback/credentials', payload: '100 KB password', send: credentials({ loginId: 'demo-staff', password: 'x'.repeat(100 * 1024) }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  {
    group: '大きすぎる本文',
    target: 'POST /api/auth/callback/credentials',
    payload: '20 MB chunked (no Content-Length)',
    send: async () => {
      const chunk = new TextEncoder().encode('a'.repeat(1024 * 1024));
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({ pull: (controller) => (sent++ < 20 ? controller.enqueue(chunk) : controller.close()) });
      const response = await fetch(`${BASE_URL}/api/auth/callback/credentials`, { method: 'POST', body, duplex: 'half', headers: { 'content-type': 'application/x-www-form-urlencoded' } } as RequestInit);
      return { status: () => response.status, json: () => response.json(), text: () => response.text(), url: () => response.url } as unknown as APIResponse;
    },
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  { group: '大きすぎる本文', target: 'GET /api/v1/documents', payload: '100 KB query string', send: get(`/api/v1/documents?asOf=${'1'.repeat(100 * 1024)}`), status: 431 },

  // Path traversal and encoded slugs
  ...[
    '/documents/..%2F..%2Fetc%2Fpasswd',
    '/documents/..%252F..%252Fadmin',
    '/documents/%E2%80%AE',
    '/documents/basic%E2%80%AEpolicy',
    '/documents/basic-policy%E2%80%8B',
    '/documents/%EF%BB%BFbasic-policy',
    '/documents/BASIC-POLICY',
    '/documents/%EF%BD%82asic-policy',
    '/documents/basic-policy/revisions/..%2F1',
    '/documents/basic-policy/compare%2F..%2F..%2Fadmin',
    '/api/v1/documents/..%2Fadmin',
    '/api/v1/documents/basic-policy%2F..%2F..%2Faudit%2Fevents',
    '/api/v1/documents/basic-policy/revisions/1%2F..%2F..',
    '/_next/static/..%2F..%2F..%2Fpackage.json',
    '/_next/static/%2e%2e/%2e%2e/.data/auth-secret',
  ].map((path): TRow => ({ group: 'パス走査・符号化されたスラッグ', target: `GET ${path.split('?')[0]}`, payload: path, send: get(path), status: 404 })),

  // Cross-origin posts
  { group: '他サイトからの送信', target: 'createDepartmentAction', payload: 'Origin: https://evil.example', as: 'demo-admin', send: action('createDepartmentAction', { code: `xo-${RUN}`, name: '部' }, { headers: { origin: 'https://evil.example' } }), status: 403, code: 'FORBIDDEN', after: noDepartment(`xo-${RUN}`) },
  { group: '他サイトからの送信', target: 'createDepartmentAction', payload: 'Origin: null (sandboxed frame)', as: 'demo-admin', send: action('createDepartmentAction', { code: `xo-null-${RUN}`, name: '部' }, { headers: { origin: 'null' } }), status: 403, code: 'FORBIDDEN', after: noDepartment(`xo-null-${RUN}`) },
  { group: '他サイトからの送信', target: 'approveRevisionAction', payload: 'Origin: http://localhost.evil.example', as: 'demo-approver', send: action('approveRevisionAction', { slug: SLUG, number: '2', comment: '' }, { slug: SLUG, number: '2', headers: { origin: 'http://localhost.evil.example' } }), status: 403, code: 'FORBIDDEN' },
  { group: '他サイトからの送信', target: 'confirmRevisionAction', payload: 'Origin: https://evil.example', as: 'demo-approver', send: action('confirmRevisionAction', { slug: SLUG, number: '2', comment: '' }, { slug: SLUG, number: '2', headers: { origin: 'https://evil.example' } }), status: 403, code: 'FORBIDDEN' },
  { group: '他サイトからの送信', target: 'checkEffectiveDateAction', payload: 'Origin: https://evil.example', as: 'demo-editor', send: action('checkEffectiveDateAction', { slug: SLUG, number: '2', effectiveDate: '2030-01-01' }, { slug: SLUG, headers: { origin: 'https://evil.example' } }), status: 403, code: 'FORBIDDEN' },
  { group: '他サイトからの送信', target: 'setDirectoryLinkAction', payload: 'Origin: https://evil.example', as: 'demo-admin', send: action('setDirectoryLinkAction', { userId: '00000000-0000-0000-0000-000000000000', issuer: 'https://evil.example', subject: 'x' }, { headers: { origin: 'https://evil.example' } }), status: 403, code: 'FORBIDDEN' },
  {
    group: '他サイトからの送信',
    target: 'POST /api/auth/callback/credentials',
    payload: 'Origin: https://evil.example, right password',
    send: credentials({ loginId: 'demo-staff', password: 'demo-password-2026' }, { origin: 'https://evil.example' }),
    status: 403,
    code: 'FORBIDDEN',
  },
  {
    group: '他サイトからの送信',
    target: 'POST /api/auth/signout',
    payload: 'Origin: https://evil.example',
    as: 'demo-auditor',
    send: async (context) => {
      const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
      return context.post('/api/auth/signout', { form: { csrfToken, json: 'true' }, headers: { origin: 'https://evil.example' }, maxRedirects: 0 });
    },
    status: 403,
    code: 'FORBIDDEN',
    after: async () => expect((await (await as('demo-auditor')).post('/api/v1/audit/verify')).status()).toBe(200),
  },
  { group: '他サイトからの送信', target: 'createDepartmentAction (control)', payload: `Origin: ${BASE_URL}`, as: 'demo-admin', send: action('createDepartmentAction', { code: `same-${RUN}`, name: '同一サイト部' }, { headers: { origin: BASE_URL } }), status: 200, after: async () => expect(await departmentCount(`same-${RUN}`)).toBe(1) },

  // Malformed server-action and RSC requests (each with a request timeout: an answer, not a hang)
  { group: '不正なサーバーアクション', target: 'Next-Action', payload: 'garbage id', as: 'demo-admin', send: rawAction(multipartBody([['0', '[null,"$K1"]']]), 'multipart/form-data; boundary=hostileBoundary', () => 'zzzz'), status: 400 },
  { group: '不正なサーバーアクション', target: 'Next-Action', payload: 'unknown 42-hex id', as: 'demo-admin', send: rawAction(multipartBody([['0', '[null,"$K1"]']]), 'multipart/form-data; boundary=hostileBoundary', () => `60${'0'.repeat(40)}`), status: [404, 409] },
  { group: '不正なサーバーアクション', target: 'createDepartmentAction', payload: 'multipart cut off mid-part', as: 'demo-admin', send: rawAction('--hostileBoundary\r\nContent-Disposition: form-data; name="0"\r\n\r\n[null', 'multipart/form-data; boundary=hostileBoundary'), status: 400, code: 'INVALID_INPUT' },
  { group: '不正なサーバーアクション', target: 'createDepartmentAction', payload: 'multipart without boundary', as: 'demo-admin', send: rawAction('xxxx', 'multipart/form-data'), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { group: '不正なサーバーアクション', target: 'createDepartmentAction', payload: 'Content-Type: application/json', as: 'demo-admin', send: rawAction('{"code":"a","name":"b"}', 'application/json'), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { group: '不正なサーバーアクション', target: 'createDepartmentAction', payload: 'Content-Type: application/x-www-form-urlencoded', as: 'demo-admin', send: rawAction('code=a&name=b', 'application/x-www-form-urlencoded'), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { group: '不正なサーバーアクション', target: 'createDepartmentAction', payload: 'text/plain "[[[[[garbage"', as: 'demo-admin', send: rawAction('[[[[[garbage', 'text/plain;charset=UTF-8'), status: 400, code: 'INVALID_INPUT' },
  { group: '不正なサーバーアクション', target: 'createDepartmentAction', payload: 'text/plain arrays nested 100,000 deep', as: 'demo-admin', send: rawAction(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'text/plain;charset=UTF-8'), status: 400, code: 'INVALID_INPUT' },
  ...[
    ['["$@99"] (promise of a missing row)', '["$@99"]'],
    ['"$Q1" (Map)', '"$Q1"'],
    ['["$h1"] (server reference)', '["$h1"]'],
    ['[null,"$K1","$F2"] (extra argument)', '[null,"$K1","$F2"]'],
    ['[null,"$1:constructor:constructor"] (path reference)', '[null,"$1:constructor:constructor"]'],
    ['[{"__proto__":{"polluted":1}},"$K1"]', '[{"__proto__":{"polluted":1}},"$K1"]'],
    ['[{"then":"$1:__proto__:then"},"$K1"]', '[{"then":"$1:__proto__:then"},"$K1"]'],
    ['previous state nested 50 deep', `[${'{"a":'.repeat(50)}1${'}'.repeat(50)},"$K1"]`],
  ].map(([payload, root]): TRow => ({ group: '不正なサーバーアクション', target: 'createDepartmentAction (RSC reply)', payload: payload!, as: 'demo-admin', send: withRoot(root!), status: 400, code: 'INVALID_INPUT', after: noDepartment(`rsc-${RUN}`) })),
  {
    group: '不正なサーバーアクション',
    target: 'POST /admin/departments (form without JavaScript)',
    payload: '$ACTION_REF_1 with bound arguments',
    as: 'demo-admin',
    send: (context) =>
      context.post('/admin/departments', {
        headers: { 'content-type': 'multipart/form-data; boundary=hostileBoundary' },
        data: multipartBody([['$ACTION_REF_1', ''], ['$ACTION_1:0', `{"id":"${actionId('createDepartmentAction')}","bound":"$@1"}`], ['$ACTION_1:1', '[]']]),
        maxRedirects: 0,
        timeout: 15_000,
      }),
    status: 400,
    code: 'INVALID_INPUT',
  },
  // Known limitation: Next.js hides these headers from the proxy and answers an unparsable one with
  // its own 500 before any code of the portal runs. The row holds it to an answer, not a hang.
  { group: '不正なサーバーアクション', target: 'GET /documents (RSC)', payload: 'RSC: 1, Next-Router-State-Tree: garbage', send: (c) => c.get('/documents', { headers: { rsc: '1', 'next-router-state-tree': 'garbage' }, timeout: 15_000 }), status: [400, 500], nextLimitation: true },
  { group: '不正なサーバーアクション', target: 'GET /documents (RSC)', payload: 'Next-Router-Prefetch / Next-Router-Segment-Prefetch / Next-Url: garbage', send: (c) => c.get('/documents', { headers: { rsc: '1', 'next-router-prefetch': 'garbage', 'next-router-segment-prefetch': '/../../etc', 'next-url': '//evil.example' }, timeout: 15_000 }), status: [200, 400] },
  { group: '不正なサーバーアクション', target: 'GET /documents (RSC)', payload: 'Next-Router-State-Tree: 5,000 nested arrays', send: (c) => c.get('/documents', { headers: { rsc: '1', 'next-router-state-tree': encodeURIComponent(`${'['.repeat(5_000)}${']'.repeat(5_000)}`) }, timeout: 15_000 }), status: [200, 400, 431] },

  // Extra fields a form never sends
  {
    group: '余分な項目',
    target: 'createAccountAction',
    payload: 'status=DISABLED, passwordHash, role=ADMIN',
    as: 'demo-admin',
    send: action('createAccountAction', { loginId: `extra-${RUN}`, displayName: '余分 項目', departmentCode: '', roles: ['STAFF'], status: 'DISABLED', passwordHash: 'x', role: 'ADMIN' }),
    status: 200,
    after: async () => expect(await sql(`SELECT status, roles::text[] AS roles FROM users WHERE login_id = $1`, [`extra-${RUN}`])).toEqual([{ status: 'ACTIVE', roles: ['STAFF'] }]),
  },
  {
    group: '余分な項目',
    target: 'submitRevisionAction',
    payload: 'status=APPROVED, approvedById',
    as: EDITOR,
    send: action('submitRevisionAction', { slug: SLUG, number: '2', changeReason: '理由', effectiveDate: japanDate(40), status: 'APPROVED', approvedById: '00000000-0000-4000-8000-000000000000' }, { slug: SLUG }),
    status: 200,
    code: 'CONFLICT',
    after: async () => expect(await sql(`SELECT r.status, r.approved_by_id FROM revisions r JOIN documents d ON d.id = r.document_id WHERE d.slug = $1 AND r.number = 2`, [SLUG])).toEqual([{ status: 'IN_REVIEW', approved_by_id: null }]),
  },
  {
    group: '余分な項目',
    target: 'updateDocumentMetadataAction',
    payload: 'kind=BASIC_POLICY, slug of another document',
    as: EDITOR,
    send: action('updateDocumentMetadataAction', { slug: SLUG, title: P.title, parentSlug: '', departmentCode: DEPARTMENT, visibility: 'RESTRICTED', requiredApprovals: '1', reviewIntervalMonths: '12', kind: 'BASIC_POLICY' }, { slug: SLUG }),
    status: 200,
    after: async () => expect(await sql(`SELECT kind FROM documents WHERE slug = $1`, [SLUG])).toEqual([{ kind: 'PROCEDURE' }]),
  },

  // Forged and tampered session cookies: all anonymous (401 from the API, 404 for a staff document)
  ...(
    [
      ['garbage value', async () => 'forged'],
      ['a real cookie with one character changed', async () => flip((await sessionCookie(await as('demo-auditor')))!.value)],
      ['an unsigned JWT (alg: none) naming a live session', async () => unsignedJwt(await liveSession('demo-auditor'))],
      ['a JWE encrypted with another secret, naming a live session', async () => encode({ token: { sid: await liveSession('demo-auditor') }, secret: 'not-the-portal-secret-0123456789abcdef' })],
      ['the portal secret, naming a session that does not exist', async () => (portalSecret() ? encode({ token: { sid: crypto.randomUUID() }, secret: portalSecret()! }) : 'forged')],
      ['a signed-out (revoked) session', async () => revokedSessionCookie()],
      ['4,000 characters of base64', async () => 'A'.repeat(4000)],
    ] as const
  ).flatMap(([payload, cookie]): TRow[] =>
    [
      ['GET /api/v1/audit/events', '/api/v1/audit/events', 401, 'UNAUTHENTICATED'],
      ['GET /documents/sample-procedure-password', '/documents/sample-procedure-password', 404, undefined],
    ].map(([target, path, status, code]) => ({
      group: '偽造・改ざんされたセッションCookie',
      target: target as string,
      payload,
      send: async (context) => context.get(path as string, { headers: { cookie: `portal.session=${await cookie()}` }, maxRedirects: 0 }),
      status: status as number,
      code: code as string | undefined,
    })),
  ),
];

function flip(value: string): string {
  const i = Math.floor(value.length / 2);
  return value.slice(0, i) + (value[i] === 'A' ? 'B' : 'A') + value.slice(i + 1);
}
function unsignedJwt(sid: string): string {
  const part = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sid, exp: Math.floor(Date.now() / 1000) + 3600 })}.`;
}
async function liveSession(loginId: string): Promise<string> {
  await as(loginId);
  const [row] = await sql<{ id: string }>(`SELECT s.id FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE u.login_id = $1 AND s.revoked_at IS NULL ORDER BY s.created_at DESC LIMIT 1`, [loginId]);
  return row!.id;
}
function portalSecret(): string | null {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  try {
    return readFileSync('.data/auth-secret', 'utf8').trim();
  } catch {
    return null;
  }
}
async function revokedSessionCookie(): Promise<string> {
  const context = await apiContextAs('demo-auditor');
  const cookie = (await sessionCookie(context))!.value;
  const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
  await context.post('/api/auth/signout', { form: { csrfToken, json: 'true' }, maxRedirects: 0 });
  await context.dispose();
  return cookie;
}

const observed: string[] = [];
test.afterAll(() => {
  console.log(['hostile input over HTTP: target | payload | expected | answer', ...observed].join('\n'));
});

test.describe('hostile requests get the answer in the table, never a 500 or a hang', () => {
  for (const row of REQUEST_ROWS) {
    const expected = `${[row.status].flat().join('/')}${row.code ? ` ${row.code}` : ''}`;
    test(`${row.group}: ${row.target} with ${row.payload} → ${expected}`, async () => {
      const context = await as(row.as ?? null);
      const started = Date.now();
      const response = await row.send(context);
      const ms = Date.now() - started;
      const status = response.status();
      const text = await response.text().catch(() => '');
      let code: string | undefined;
      try {
        code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
      } catch {
        code = (await actionResult<{ error?: { code: string } }>({ text: async () => text } as APIResponse))?.error?.code;
      }
      observed.push(`${row.group} | ${row.target} | ${row.payload.slice(0, 60)} | ${expected} | ${status}${code ? ` ${code}` : ''} (${ms} ms)`);
      if (!row.nextLimitation) expect(status).toBeLessThan(500);
      expect([row.status].flat()).toContain(status);
      if (row.code) expect(code).toBe(row.code);
      await row.after?.(response);
    });
  }
});

test('every server action of the portal is in the table of pages (a new action needs a row)', () => {
  const file = `${process.env.E2E_NEXT_DIR ?? '.next'}/server/server-reference-manifest.json`;
  const names = Object.values((JSON.parse(readFileSync(file, 'utf8')) as { node: Record<string, { exportedName: string; filename: string }> }).node)
    .filter((a) => a.filename.startsWith('app/'))
    .map((a) => a.exportedName);
  for (const name of names) expect(() => actionId(name as never)).not.toThrow();
  expect(names.sort()).toEqual(Object.keys(ACTIONS).sort());
});
