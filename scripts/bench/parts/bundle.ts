/*
 * Target 5: client JavaScript per reader route, gzip-compressed, from the script tags of the
 * page as served (external chunks; the inline RSC payload is reported beside them). Also which
 * chunks only the 新旧対照表 loads, i.e. what it does not impose on the other screens.
 */
import { gzipSync } from 'node:zlib';
import { BENCH_PASSWORD, BENCH_STAFF } from '../generate-corpus';
import { expectStatus, fmt, measurement, request, signIn, type TBenchContext, type TPartResult } from '../lib';

const ROUTES: { path: string; signedIn: boolean; compare?: boolean }[] = [
  { path: '/', signedIn: false },
  { path: '/documents', signedIn: false },
  { path: '/documents/basic-policy', signedIn: false },
  { path: '/documents', signedIn: true },
  { path: '/documents/sample-standard', signedIn: true },
  { path: '/documents/sample-standard/revisions', signedIn: true },
  { path: '/documents/sample-standard/revisions/1', signedIn: true },
  { path: '/documents/sample-standard/compare?from=1&to=2', signedIn: true, compare: true },
  { path: '/search?q=%E5%A7%94%E8%A8%97', signedIn: true },
];

// A browser that runs modules never fetches a `nomodule` script (Next's polyfills): not counted.
const SCRIPT_SRC = /<script\b(?![^>]*\bnomodule\b)[^>]*\bsrc="([^"]+)"[^>]*>/gi;
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;

export async function runBundle(ctx: TBenchContext): Promise<TPartResult> {
  const cookie = await signIn(ctx.baseUrl, BENCH_STAFF, BENCH_PASSWORD);
  const chunkSize = new Map<string, number>();
  const routes: { label: string; chunks: string[]; gzip: number; inlineGzip: number; compare: boolean }[] = [];
  for (const route of ROUTES) {
    const page = await request(`${ctx.baseUrl}${route.path}`, { headers: route.signedIn ? { cookie } : {} });
    if (page.status === 404 && route.path.startsWith('/search')) continue;
    if (page.status !== 200) throw new Error(`${route.path}: ${page.status}`);
    const html = page.body.toString('utf8');
    const chunks = [...new Set([...html.matchAll(SCRIPT_SRC)].map((m) => m[1]!.replaceAll('&amp;', '&')))];
    for (const src of chunks) {
      if (chunkSize.has(src)) continue;
      const js = await expectStatus(new URL(src, ctx.baseUrl).toString(), 200);
      chunkSize.set(src, gzipSync(js.body).length);
    }
    const inline = [...html.matchAll(INLINE_SCRIPT)].map((m) => m[1]!).join('');
    routes.push({
      label: `${decodeURIComponent(route.path)}${route.signedIn ? '（職員）' : '（匿名）'}`,
      chunks,
      gzip: chunks.reduce((n, src) => n + chunkSize.get(src)!, 0),
      inlineGzip: gzipSync(Buffer.from(inline)).length,
      compare: route.compare === true,
    });
  }
  const others = new Set(routes.filter((r) => !r.compare).flatMap((r) => r.chunks));
  const compareOnly = routes.filter((r) => r.compare).flatMap((r) => r.chunks.filter((c) => !others.has(c)));
  const compareOnlyKb = compareOnly.reduce((n, c) => n + chunkSize.get(c)!, 0) / 1000;
  const largest = routes.reduce((a, b) => (b.gzip > a.gzip ? b : a));
  for (const r of routes) ctx.log(`  ${r.label}: JS ${fmt(r.gzip / 1000)} kB gzip（${r.chunks.length} 個）、インライン ${fmt(r.inlineGzip / 1000)} kB`);
  return {
    measurements: [
      ...routes.flatMap((r) => [measurement('bundle', `JS gzip ${r.label}`, 'kB', [r.gzip / 1000]), measurement('bundle', `インライン script gzip ${r.label}`, 'kB', [r.inlineGzip / 1000])]),
      measurement('bundle', `新旧対照表の画面だけが読み込む JS（${compareOnly.length} 個）`, 'kB', [compareOnlyKb]),
    ],
    targets: [
      { id: 5, label: '閲覧画面のクライアント JS（gzip、最大の画面）', measured: `${fmt(largest.gzip / 1000)} kB（${largest.label}）`, target: '≤ 150 KB', pass: largest.gzip <= 150_000 },
    ],
    details: { compareOnly, routes: routes.map((r) => ({ label: r.label, gzip: r.gzip, inlineGzip: r.inlineGzip, chunks: r.chunks.map((c) => [c, chunkSize.get(c)]) })) },
  };
}
