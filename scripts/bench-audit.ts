/*
 * npm run bench:audit [-- --events 1000000]
 * Builds a fresh database with N hash-chained audit events (realistic mix of actors, actions and
 * documents), then measures: a filtered page of the trail for several filters (median / min / max
 * of 20 runs each, server time of the DAL query) and a full chain verification.
 * Prints figures; asserts nothing.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { unsafeVerifyAuditChain } from '@/lib/server/audit/verify-chain';
import { disconnectDb } from '@/lib/server/db';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { createFreshDatabase, startTestServer } from '../tests/support/test-database';
import { auditFilters, insertChainedAuditEvents } from './bench/audit-events';

const { values } = parseArgs({ options: { events: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '20' } } });
const total = Number(values.events);
const runs = Number(values.runs);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const server = await startTestServer();
const database = await createFreshDatabase(server.adminUrl, 'isms_bench_audit');
process.env.DATABASE_URL = database.url;
try {
  await migrateDatabase({ databaseUrl: database.url });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  console.log(`監査記録 ${total.toLocaleString()} 件を生成しています…`);
  const started = performance.now();
  await insertChainedAuditEvents(client, { count: total });
  await client.end();
  console.log(`生成 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);

  const { unsafeQueryAuditPage } = await import('@/lib/server/audit/list-events');
  const { ZAuditFilter } = await import('@/lib/schemas/audit');
  const filters = auditFilters(total);
  console.log('\n| 条件 | 件数 | median ms | min | max |\n|---|---|---|---|---|');
  for (const [label, filter] of Object.entries(filters)) {
    const times: number[] = [];
    let count = 0;
    for (let r = 0; r < runs; r += 1) {
      const t = performance.now();
      count = (await unsafeQueryAuditPage(ZAuditFilter.parse(filter), 'all')).events.length;
      times.push(performance.now() - t);
    }
    console.log(`| ${label} | ${count} | ${median(times).toFixed(1)} | ${Math.min(...times).toFixed(1)} | ${Math.max(...times).toFixed(1)} |`);
  }
  const t = performance.now();
  const verified = await unsafeVerifyAuditChain();
  console.log(`\n連鎖の検証: ${verified.ok ? '異常なし' : '破損'}、${verified.checked.toLocaleString()} 件、${((performance.now() - t) / 1000).toFixed(1)} 秒`);
} finally {
  await disconnectDb();
  await database.drop().catch(() => undefined);
  await server.stop();
}
