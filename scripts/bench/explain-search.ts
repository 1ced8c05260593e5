/*
 * npm run bench:explain-search -- --q 暗 [--scope current|all] [--login bench-general-affairs-01]
 *
 * EXPLAIN (ANALYZE, BUFFERS) of the one statement a search runs (lib/server/search/search-documents.ts),
 * for the reader given, on DATABASE_URL (a corpus from `npm run bench:corpus` or a `npm run bench -- --keep`
 * database), with the same session settings as the search. For profiling; it changes nothing.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadBenchActor } from './bench-actor';
import { parseSearchQuery } from '../../lib/policy-text/search-text';
import { searchSettingsSql, searchSql } from '../../lib/server/search/search-documents';
import { BENCH_STAFF } from './generate-corpus';

const { values } = parseArgs({ options: { q: { type: 'string' }, scope: { type: 'string', default: 'current' }, login: { type: 'string', default: BENCH_STAFF }, runs: { type: 'string', default: '3' } } });
const parsed = parseSearchQuery(values.q ?? '');
if (!parsed.ok) throw new Error(`query: ${parsed.error}`);
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
try {
  const actor = await loadBenchActor(client, values.login);
  const sql = searchSql({ actor, terms: parsed.terms, scope: values.scope === 'all' ? 'all' : 'current', kind: null, department: null, page: 1 });
  const settings = searchSettingsSql(false);
  await client.query(settings.text, settings.values);
  for (let run = 1; run <= Number(values.runs); run += 1) {
    const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, sql.values);
    if (run === Number(values.runs)) console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
    else console.error(`run ${run}: ${plan.rows.at(-1)['QUERY PLAN']}`);
  }
} finally {
  await client.end();
}
