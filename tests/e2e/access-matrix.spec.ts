/*
 * Every role (and anonymous) × every visibility × every route and JSON endpoint that reads
 * documents, over real HTTP with real next-auth sessions. A document a person may not see must
 * answer exactly like one that does not exist.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiContextAs } from './support/auth';

type TExpect = 'full' | 'excerpt' | 404;

const DOCS = [
  { slug: 'basic-policy', title: '府中市情報セキュリティ基本方針', secret: '組織的かつ計画的に実施' },
  { slug: 'sample-standard', title: '対策基準（サンプル）', secret: 'パスワードの管理' },
  { slug: 'sample-procedure-password', title: 'パスワード管理に関する実施手順（サンプル）', secret: 'パスワード' },
  { slug: 'sample-safety-management-standard', title: '安全管理措置基準（サンプル）', secret: '事務取扱担当者' },
  { slug: 'sample-procedure-media', title: '電磁的記録媒体の取扱いに関する実施手順（サンプル）', secret: '持出し' },
] as const;

// PUBLIC · STAFF with public excerpts · STAFF · RESTRICTED (granted to 総務部) · RESTRICTED (granted to 総務部)
const MATRIX: Record<string, TExpect[]> = {
  anonymous: ['full', 'excerpt', 404, 404, 404],
  'demo-staff': ['full', 'full', 'full', 'full', 'full'],
  'demo-staff-other': ['full', 'full', 'full', 404, 404],
  'demo-editor': ['full', 'full', 'full', 'full', 'full'],
  'demo-approver': ['full', 'full', 'full', 'full', 'full'],
  'demo-auditor': ['full', 'full', 'full', 'full', 'full'],
  'demo-admin': ['full', 'full', 'full', 404, 404],
};

// The page echoes the path that was asked for (the reader's own input) and carries a per-request
// nonce and per-request React keys; everything else must be byte-for-byte the same.
const normalise = (body: string, slug: string) =>
  body
    .replaceAll(slug, '__SLUG__')
    .replace(/nonce="[^"]*"/g, 'nonce=""')
    .replace(/\\"nonce\\":\\"[^"\\]*\\"/g, '')
    .replace(/"nonce":"[^"]*"/g, '')
    .replace(/("\$L[0-9a-z]+",)"[A-Za-z0-9_-]{20,}"/g, '$1"KEY"')
    .replace(/(\\"\$L[0-9a-z]+\\",)\\"[A-Za-z0-9_-]{20,}\\"/g, '$1\\"KEY\\"');

/**
 * React streams rows as they resolve, so their order varies from request to request, and with it
 * the rows' numbers (the page's metadata and its layout race: a row is numbered when first reached).
 * Compare the RSC payload as a sorted set of rows without their numbers and with every reference
 * to another row made the same, and the HTML without its inline flight-data scripts (the same
 * rows, checked through the RSC request). What a row says is still compared byte for byte.
 */
const rscRows = (body: string) =>
  body
    .split('\n')
    .map((row) => row.replace(/^[0-9a-f]+:/, '').replace(/"\$(L|@)?[0-9a-f]+"/g, '"$$$1ref"'))
    .sort()
    .join('\n');
const htmlMarkup = (body: string) => body.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '<script></script>');

/** The answers for a slug that exists nowhere, of the same length (RSC rows carry byte lengths). */
async function missing(context: APIRequestContext, like: string) {
  const slug = 'z'.repeat(like.length);
  const [page, rsc, json] = await Promise.all([
    context.get(`/documents/${slug}`),
    context.get(`/documents/${slug}`, { headers: { RSC: '1' } }),
    context.get(`/api/v1/documents/${slug}`),
  ]);
  return { page: htmlMarkup(normalise(await page.text(), slug)), rsc: rscRows(normalise(await rsc.text(), slug)), json: await json.text(), pageStatus: page.status(), rscStatus: rsc.status() };
}

for (const [who, expected] of Object.entries(MATRIX)) {
  test.describe(`as ${who}`, () => {
    let context: APIRequestContext;
    test.beforeAll(async () => {
      context = await apiContextAs(who === 'anonymous' ? null : who);
    });
    test.afterAll(async () => context.dispose());

    for (const [i, doc] of DOCS.entries()) {
      const want = expected[i]!;
      test(`${doc.slug} → ${want}`, async () => {
        const page = await context.get(`/documents/${doc.slug}`);
        const rsc = await context.get(`/documents/${doc.slug}`, { headers: { RSC: '1' } });
        const json = await context.get(`/api/v1/documents/${doc.slug}`);
        const listJson = await (await context.get('/api/v1/documents')).text();
        const library = await (await context.get('/documents')).text();
        const home = await (await context.get('/')).text();

        if (want === 404) {
          const notFound = await missing(context, doc.slug);
          expect(page.status()).toBe(404);
          expect(rsc.status()).toBe(notFound.rscStatus);
          expect(json.status()).toBe(404);
          expect(htmlMarkup(normalise(await page.text(), doc.slug))).toBe(notFound.page);
          expect(rscRows(normalise(await rsc.text(), doc.slug))).toBe(notFound.rsc);
          expect(await json.text()).toBe(notFound.json);
          for (const body of [await page.text(), await rsc.text(), await json.text(), listJson, library, home]) {
            expect(body).not.toContain(doc.title);
            expect(body).not.toContain(doc.secret);
          }
          for (const body of [listJson, library, home]) expect(body).not.toContain(doc.slug);
        } else {
          expect(page.status()).toBe(200);
          expect(rsc.status()).toBe(200);
          expect(json.status()).toBe(200);
          const body = (await json.json()) as { document: { edition: string }; revision: { tree: unknown } };
          expect(body.document.edition).toBe(want);
          expect(listJson).toContain(doc.slug);
          expect(library).toContain(doc.slug);
          if (want === 'excerpt') {
            for (const text of [await page.text(), await rsc.text(), JSON.stringify(body)]) expect(text).not.toContain(doc.secret);
          } else {
            expect(await page.text()).toContain(doc.secret);
          }
        }
        // History, a single revision and the comparison need the full text: a public edition is not enough.
        const historyRoutes = [`/documents/${doc.slug}/revisions`, `/documents/${doc.slug}/revisions/1`, `/documents/${doc.slug}/compare?from=1&to=1`];
        const historyApis = [`/api/v1/documents/${doc.slug}/revisions`, `/api/v1/documents/${doc.slug}/revisions/1`];
        for (const route of [...historyRoutes, ...historyApis]) {
          const response = await context.get(route);
          expect(response.status(), `${who} ${route}`).toBe(want === 'full' ? 200 : 404);
          if (want !== 'full') expect(await response.text()).not.toContain(doc.title);
        }
        if (want !== 'full') {
          const fake = 'z'.repeat(doc.slug.length);
          expect(await (await context.get(`/api/v1/documents/${doc.slug}/revisions`)).text()).toBe(await (await context.get(`/api/v1/documents/${fake}/revisions`)).text());
          expect(htmlMarkup(normalise(await (await context.get(`/documents/${doc.slug}/revisions`)).text(), doc.slug))).toBe(htmlMarkup(normalise(await (await context.get(`/documents/${fake}/revisions`)).text(), fake)));
        }
        if (doc.slug !== 'basic-policy') {
          expect(page.headers()['cache-control']).toMatch(/private/);
          expect(page.headers()['cache-control']).toMatch(/no-store/);
          expect(json.headers()['cache-control']).toBe('private, no-store');
        }
      });
    }
  });
}

test('every response carries the security headers', async ({ request }) => {
  const response = await request.get('/documents/basic-policy');
  const headers = response.headers();
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  const html = await response.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
});
