/*
 * Target 2: a signed-in STAFF reader of 総務部 reading a RESTRICTED 対策基準 granted to 総務部
 * (session lookup, permission check, query, render, audit record after the response), req/s
 * and p99 against /api/health of the same server, in alternating runs.
 */
import { BENCH_OTHER_STAFF, BENCH_PASSWORD, BENCH_RESTRICTED_SLUG, BENCH_STAFF } from '../generate-corpus';
import { expectStatus, fmt, loadRun, measurement, median, signIn, type TBenchContext, type TPartResult, warmUp } from '../lib';

export async function runRestricted(ctx: TBenchContext): Promise<TPartResult> {
  const cookie = await signIn(ctx.baseUrl, BENCH_STAFF, BENCH_PASSWORD);
  const url = `${ctx.baseUrl}/documents/${BENCH_RESTRICTED_SLUG}`;
  const health = `${ctx.baseUrl}/api/health`;
  // The wall must stand while we measure the door: the same address is 404 to others.
  await expectStatus(url, 404);
  await expectStatus(url, 404, { cookie: await signIn(ctx.baseUrl, BENCH_OTHER_STAFF, BENCH_PASSWORD) });
  const page = await expectStatus(url, 200, { cookie });
  if (!page.body.toString('utf8').includes('情報セキュリティ対策基準')) throw new Error(`${url}: the page does not show the standard`);
  const headers = { cookie };
  await warmUp(url, { seconds: ctx.quick ? 2 : 5, headers });
  await warmUp(health, { seconds: 2 });
  const reads: number[] = [];
  const p99: number[] = [];
  const p50: number[] = [];
  const reference: number[] = [];
  for (let run = 0; run < ctx.runs; run += 1) {
    const a = await loadRun(url, { connections: ctx.connections, duration: ctx.duration, headers });
    const b = await loadRun(health, { connections: ctx.connections, duration: ctx.duration });
    reads.push(a.requestsPerSecond);
    p99.push(a.p99);
    p50.push(a.p50);
    reference.push(b.requestsPerSecond);
    ctx.log(`  run ${run + 1}: restricted ${fmt(a.requestsPerSecond, 0)} req/s (p99 ${a.p99} ms), /api/health ${fmt(b.requestsPerSecond, 0)} req/s`);
  }
  const ratio = median(reads) / median(reference);
  return {
    measurements: [
      measurement('restricted', `RESTRICTED 対策基準（職員・${ctx.documents.toLocaleString()} 文書）`, 'req/s', reads),
      measurement('restricted', `RESTRICTED 対策基準 p50（${ctx.documents.toLocaleString()} 文書）`, 'ms', p50),
      measurement('restricted', `RESTRICTED 対策基準 p99（${ctx.documents.toLocaleString()} 文書）`, 'ms', p99),
      measurement('restricted', `/api/health（参照・${ctx.documents.toLocaleString()} 文書）`, 'req/s', reference),
    ],
    targets: [
      {
        id: 2,
        label: '職員が RESTRICTED 対策基準を読む req/s（/api/health 比）',
        measured: `${fmt(ratio, 2)} ×（${fmt(median(reads), 0)} / ${fmt(median(reference), 0)} req/s）`,
        target: '≥ 0.5 ×',
        pass: ratio >= 0.5,
      },
      { id: 2, label: '同 p99', measured: `${fmt(median(p99), 0)} ms`, target: '≤ 150 ms', pass: median(p99) <= 150 },
    ],
    details: { ratio, rps: median(reads), p50: median(p50), p99: median(p99), health: median(reference), htmlBytes: page.body.length },
  };
}
