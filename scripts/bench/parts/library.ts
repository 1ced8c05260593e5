/*
 * Growth only (no target of its own): the library (/documents) for a signed-in STAFF reader, one
 * request at a time. It lists every document the reader may see, so it grows with the number of
 * documents; it must not grow with the number of revisions.
 */
import { BENCH_PASSWORD, BENCH_STAFF } from '../generate-corpus';
import { fmt, measurement, median, percentile, sequentialLatencies, signIn, type TBenchContext, type TPartResult } from '../lib';

export async function runLibrary(ctx: TBenchContext): Promise<TPartResult> {
  const cookie = await signIn(ctx.baseUrl, BENCH_STAFF, BENCH_PASSWORD);
  const url = `${ctx.baseUrl}/documents`;
  let bytes = 0;
  await sequentialLatencies(url, { seconds: 1, minimum: 2, headers: { cookie } });
  const p50: number[] = [];
  const p95: number[] = [];
  for (let run = 0; run < Math.min(ctx.runs, 3); run += 1) {
    const times = await sequentialLatencies(url, { seconds: ctx.duration / 2, minimum: 5, headers: { cookie }, check: (r) => (bytes = r.body.length) });
    p50.push(percentile(times, 50));
    p95.push(percentile(times, 95));
  }
  ctx.log(`  /documents（職員）p50 ${fmt(median(p50))} ms、p95 ${fmt(median(p95))} ms、${(bytes / 1000).toFixed(0)} kB`);
  const size = `${ctx.documents.toLocaleString()} 文書`;
  return {
    measurements: [measurement('library', `文書一覧 /documents p50（職員・${size}）`, 'ms', p50), measurement('library', `文書一覧 /documents p95（職員・${size}）`, 'ms', p95)],
    targets: [],
    details: { p50: median(p50), p95: median(p95), htmlBytes: bytes },
  };
}
