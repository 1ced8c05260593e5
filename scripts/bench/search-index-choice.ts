/*
 * npm run bench:search-index — the measurements behind docs/decisions/005-search-index.md.
 * On a corpus made by `npm run bench:corpus` (DATABASE_URL), compares three ways to find the
 * units that contain a Japanese term: our GIN index of UTF-16 units and pairs, pg_trgm's GIN
 * index with LIKE, and a scan with strpos. Prints median / p95 per query and the index sizes.
 * Creates (and drops again) a pg_trgm index on a copy of the normalised texts.
 */
import pg from 'pg';
import { parseSearchQuery, termKeys } from '@/lib/policy-text/search-text';

const QUERIES = ['監', '暗号', 'パスワード', 'usbメモリ', 'パスワード 委託 管理', '存在しない語'];
const RUNS = Number(process.env.RUNS ?? 30);

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();

async function timeQuery(sql: string, params: unknown[]): Promise<{ median: number; p95: number; rows: number }> {
  let rows = 0;
  const times: number[] = [];
  await client.query(sql, params); // warm
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    const result = await client.query(sql, params);
    times.push(performance.now() - started);
    rows = Number(result.rows[0]?.n ?? 0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, p95: times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]!, rows };
}

const size = async (relation: string) => (await client.query<{ s: string }>(`SELECT pg_size_pretty(pg_relation_size($1)) AS s`, [relation])).rows[0]!.s;
const units = (await client.query<{ n: string }>('SELECT count(*) AS n FROM search_units')).rows[0]!.n;
console.log(`search_units: ${Number(units).toLocaleString()} 行（表 ${await size('search_units')}、キーの GIN 索引 ${await size('search_units_keys_idx')}、TOAST 込み ${(await client.query<{ s: string }>(`SELECT pg_size_pretty(pg_total_relation_size('search_units')) AS s`)).rows[0]!.s}）`);

let trigram = false;
try {
  await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  await client.query('DROP TABLE IF EXISTS bench_trgm');
  await client.query('CREATE TABLE bench_trgm AS SELECT revision_id, ord, normalized FROM search_units');
  const started = performance.now();
  await client.query('CREATE INDEX bench_trgm_idx ON bench_trgm USING gin (normalized gin_trgm_ops)');
  console.log(`pg_trgm GIN 索引: ${await size('bench_trgm_idx')}（作成 ${((performance.now() - started) / 1000).toFixed(1)} 秒）`);
  await client.query('ANALYZE bench_trgm');
  trigram = true;
} catch (error) {
  console.log(`pg_trgm は使えません: ${(error as Error).message}`);
}

console.log('\n| 検索語 | 一致単位 | 単位・対の GIN（中央値 / p95 ms） | pg_trgm + LIKE | strpos の全件走査 |');
console.log('|---|---|---|---|---|');
for (const raw of QUERIES) {
  const parsed = parseSearchQuery(raw);
  if (!parsed.ok) continue;
  const keys = [...new Set(parsed.terms.flatMap(termKeys))];
  const long = parsed.terms.filter((t) => t.length > 2);
  const check = long.map((_, i) => `strpos(u.normalized, $${i + 2}) > 0`).join(' AND ') || 'TRUE';
  await client.query('SET enable_seqscan = off');
  const ours = await timeQuery(
    `SELECT count(*) AS n FROM search_units u WHERE u.keys @> $1::int8[] AND ${check}`,
    [keys, ...long],
  );
  const strpos = parsed.terms.map((_, i) => `strpos(normalized, $${i + 1}) > 0`).join(' AND ');
  await client.query('RESET enable_seqscan');
  const like = parsed.terms.map((_, i) => `normalized LIKE $${i + 1}`).join(' AND ');
  const escaped = parsed.terms.map((t) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const trgm = trigram ? await timeQuery(`SELECT count(*) AS n FROM bench_trgm WHERE ${like}`, escaped) : null;
  await client.query('SET enable_bitmapscan = off');
  await client.query('SET enable_indexscan = off');
  const scan = await timeQuery(`SELECT count(*) AS n FROM search_units WHERE ${strpos}`, parsed.terms);
  await client.query('RESET enable_bitmapscan');
  await client.query('RESET enable_indexscan');
  const cell = (r: { median: number; p95: number } | null) => (r ? `${r.median.toFixed(1)} / ${r.p95.toFixed(1)}` : '—');
  console.log(`| ${raw} | ${ours.rows.toLocaleString()} | ${cell(ours)} | ${cell(trgm)} | ${cell(scan)} |`);
}
if (trigram) await client.query('DROP TABLE bench_trgm');
await client.end();
