/*
 * npm run bench:explain-acks -- [--login bench-ack-ciso] [--what count|list|daily|own] [--runs 3]
 *
 * EXPLAIN (ANALYZE, BUFFERS) of the statements behind the acknowledgment board and the home page's
 * tasks (lib/server/acknowledgments/obligations.ts), for the account given, on DATABASE_URL (a
 * `npm run bench -- acks --keep` database). `count` is the board's figures (the city's, for a
 * city-wide role), `list` the board's people (a unit role's units), `daily` the CISO chart, `own`
 * the person's own tasks. For profiling; it changes nothing.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadBenchActor } from './bench-actor';
import { Prisma } from '../../lib/generated/prisma/client';
import { fullAccessSql } from '../../lib/server/auth/document-access';
import { ackScopeOf } from '../../lib/server/auth/permissions';
import { todayInJapan } from '../../lib/server/clock';
import { countDailySql, countObligationsSql, obligationsSql } from '../../lib/server/acknowledgments/obligations';

const { values } = parseArgs({ options: { login: { type: 'string', default: 'bench-ack-ciso' }, what: { type: 'string', default: 'count' }, runs: { type: 'string', default: '3' } } });
// the application's session settings (lib/server/db.ts: no JIT)
const client = new pg.Client({ connectionString: process.env.DATABASE_URL, options: '-c jit=off' });
await client.connect();
try {
  const actor = await loadBenchActor(client, values.login);
  const units = (
    await client.query<{ id: string }>(
      `WITH RECURSIVE s AS (SELECT id FROM departments WHERE id = $1 UNION ALL SELECT d.id FROM departments d JOIN s ON d.parent_id = s.id) SELECT id FROM s`,
      [actor.departmentId],
    )
  ).rows.map((r) => r.id);
  const people = ackScopeOf(actor.roles) === 'city' ? Prisma.sql`true` : Prisma.sql`u.department_id = ANY(${units}::uuid[])`;
  const today = todayInJapan();
  // the board's rows: every department under its 部
  const groups = new Map((await client.query<{ id: string; root: string }>(`SELECT id, department_root(id) AS root FROM departments`)).rows.map((r) => [r.id, r.root]));
  const query = { people, documents: fullAccessSql(actor), today };
  const sql =
    values.what === 'count'
      ? countObligationsSql(query, groups)
      : values.what === 'daily'
        ? countDailySql(query)
        : values.what === 'own'
          ? obligationsSql({ ...query, people: Prisma.sql`u.id = ${actor.id}::uuid` }, Prisma.sql`*`, Prisma.sql`ORDER BY o.sort_order`)
          : obligationsSql(query, Prisma.sql`*`, Prisma.sql`ORDER BY o.sort_order, o.title, o.department_name NULLS LAST, o.display_name, o.user_id LIMIT 201`);
  for (let run = 1; run <= Number(values.runs); run += 1) {
    const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, sql.values);
    if (run === Number(values.runs)) console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
    else console.error(`run ${run}: ${plan.rows.at(-1)['QUERY PLAN']}`);
  }
} finally {
  await client.end();
}
