/*
 * Target 3: GET /api/v1/search p95 for a 1-, 2- and 5-character query and a 3-term query, as a
 * signed-in STAFF reader, one request at a time; the reference is the bare SQL of the same match
 * predicate on the same database, also one at a time.
 */
import pg from 'pg';
import { parseSearchQuery, termKeys } from '@/lib/policy-text/search-text';
import { BENCH_PASSWORD, BENCH_STAFF } from '../generate-corpus';
import { expectStatus, fmt, measurement, median, percentile, sequentialLatencies, signIn, type TBenchContext, type TPartResult } from '../lib';

export const SEARCH_QUERIES = [
  { label: '1文字', q: '暗' },
  { label: '2文字', q: '委託' },
  { label: '5文字', q: 'パスワード' },
  { label: '3語', q: 'USBメモリ 持出し 許可' },
] as const;

/**
 * The match predicate alone, as the search statement applies it: every index key of the query
 * contained in the unit's keys, and terms longer than two characters found in its normalised
 * text (shorter terms are their own keys). `keysType` is the column's array type.
 */
function bareSql(q: string, keysType: string): { text: string; values: unknown[] } {
  const parsed = parseSearchQuery(q);
  if (!parsed.ok) throw new Error(`query ${q}: ${parsed.error}`);
  const keys = [...new Set(parsed.terms.flatMap(termKeys))];
  const long = parsed.terms.filter((term) => term.length > 2);
  const contains = long.map((_, i) => ` AND strpos(u.normalized, $${i + 2}) > 0`).join('');
  // Units of revisions not in force live in a partition of their own that a search of the revisions
  // in force never reads; the reference skips it too.
  return { text: `SELECT count(*)::int AS n FROM search_units u WHERE u.keys @> $1::${keysType}${contains} AND NOT u.not_in_force`, values: [keys, ...long] };
}

export async function runSearch(ctx: TBenchContext): Promise<TPartResult> {
  const cookie = await signIn(ctx.baseUrl, BENCH_STAFF, BENCH_PASSWORD);
  const headers = { cookie };
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  // as the search statement runs: the GIN index, never a scan of every unit's keys, and no JIT
  await client.query('SET enable_seqscan = off');
  await client.query('SET jit = off');
  const keysType = (await client.query<{ t: string }>("SELECT format_type(atttypid, atttypmod) AS t FROM pg_attribute WHERE attrelid = 'search_units'::regclass AND attname = 'keys'")).rows[0]!.t;
  const result: TPartResult = { measurements: [], targets: [], details: {} };
  const worst = { p95: 0, ratio: 0 };
  const summary: string[] = [];
  try {
    for (const { label, q } of SEARCH_QUERIES) {
      const url = `${ctx.baseUrl}/api/v1/search?q=${encodeURIComponent(q)}`;
      const first = JSON.parse((await expectStatus(url, 200, headers)).body.toString('utf8')) as { total: number };
      const sql = bareSql(q, keysType);
      const bareCount = (await client.query<{ n: number }>({ name: `bench-search-${label}`, ...sql })).rows[0]!.n;
      await sequentialLatencies(url, { seconds: ctx.quick ? 1 : 3, headers });
      const appP95: number[] = [];
      const appP50: number[] = [];
      const sqlP95: number[] = [];
      for (let run = 0; run < ctx.runs; run += 1) {
        const times = await sequentialLatencies(url, { seconds: ctx.duration, minimum: 10, headers });
        appP95.push(percentile(times, 95));
        appP50.push(percentile(times, 50));
        const bare: number[] = [];
        const until = performance.now() + Math.max(1, ctx.duration / 3) * 1000;
        while (performance.now() < until || bare.length < 20) {
          const t = performance.now();
          await client.query({ name: `bench-search-${label}`, ...sql });
          bare.push(performance.now() - t);
        }
        sqlP95.push(percentile(bare, 95));
      }
      const ratio = median(appP95) / median(sqlP95);
      worst.p95 = Math.max(worst.p95, median(appP95));
      worst.ratio = Math.max(worst.ratio, ratio);
      summary.push(`${label} ${fmt(median(appP95))} ms（${fmt(ratio, 1)} ×）`);
      ctx.log(`  「${q}」: ${first.total} 件（SQL ${bareCount} 単位）, p95 ${fmt(median(appP95))} ms, SQL p95 ${fmt(median(sqlP95), 2)} ms`);
      const size = `${ctx.documents.toLocaleString()} 文書`;
      result.measurements.push(
        measurement('search', `検索「${q}」p95（${label}・${size}）`, 'ms', appP95),
        measurement('search', `検索「${q}」p50（${label}・${size}）`, 'ms', appP50),
        measurement('search', `同じ述語の SQL p95（${label}・${size}）`, 'ms', sqlP95),
      );
      (result.details as Record<string, unknown>)[q] = { hits: first.total, sqlUnits: bareCount, p95: median(appP95), p50: median(appP50), sqlP95: median(sqlP95), ratio };
    }
  } finally {
    await client.end();
  }
  result.targets.push(
    { id: 3, label: '検索 API p95（最も遅い問合せ）', measured: `${fmt(worst.p95)} ms（${summary.join('、')}）`, target: '≤ 20 ms', pass: worst.p95 <= 20 },
    { id: 3, label: '検索 API p95 / 同じ述語の SQL p95（最大）', measured: `${fmt(worst.ratio, 1)} ×`, target: '≤ 3 ×', pass: worst.ratio <= 3 },
  );
  return result;
}
