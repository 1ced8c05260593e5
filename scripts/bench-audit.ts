/*
 * npm run bench:audit [-- --events 1000000]
 * Builds a fresh database with N hash-chained audit events (realistic mix of actors, actions and
 * documents), then measures: a filtered page of the trail for several filters (median / min / max
 * of 20 runs each, server time of the DAL query) and a full chain verification.
 * Prints figures; asserts nothing.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { eventHash, GENESIS_HASH, type TChainedFields } from '@/lib/server/audit/chain';
import { unsafeVerifyAuditChain } from '@/lib/server/audit/verify-chain';
import { disconnectDb } from '@/lib/server/db';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { createFreshDatabase, startTestServer } from '../tests/support/test-database';

const { values } = parseArgs({ options: { events: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '20' } } });
const total = Number(values.events);
const runs = Number(values.runs);

const ACTORS = Array.from({ length: 400 }, (_, i) => ({ loginId: `user-${String(i).padStart(4, '0')}`, dept: ['general-affairs', 'policy', 'citizens', 'welfare'][i % 4]! }));
const ACTIONS = ['document.read', 'document.read', 'document.read', 'auth.sign-in', 'auth.sign-out', 'draft.save', 'revision.submit', 'revision.approve', 'account.update', 'document.compare'];
const DOCS = Array.from({ length: 2000 }, (_, i) => `standard-${i}`);

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
  let prev = GENESIS_HASH;
  const base = Date.parse('2025-04-01T00:00:00Z');
  const BATCH = 2000;
  for (let offset = 0; offset < total; offset += BATCH) {
    const rows: unknown[] = [];
    const placeholders: string[] = [];
    for (let i = offset; i < Math.min(total, offset + BATCH); i += 1) {
      const actor = ACTORS[(i * 7919) % ACTORS.length]!;
      const action = ACTIONS[i % ACTIONS.length]!;
      const fields: TChainedFields = {
        seq: BigInt(i + 1),
        occurredAt: new Date(base + i * 30_000),
        actorId: null,
        actorLoginId: actor.loginId,
        actorRoles: ['STAFF'],
        actorDepartment: actor.dept,
        action,
        targetType: 'document',
        targetId: DOCS[(i * 104729) % DOCS.length]!,
        outcome: i % 97 === 0 ? 'DENIED' : 'SUCCESS',
        clientAddress: `10.0.${(i >> 8) & 255}.${i & 255}`,
        userAgent: 'Mozilla/5.0 (bench)',
        requestId: null,
        details: { revision: (i % 5) + 1 },
      };
      const hash = eventHash(prev, fields);
      const n = rows.length;
      placeholders.push(`($${n + 1}::bigint,$${n + 2}::timestamptz,$${n + 3},ARRAY['STAFF']::"Role"[],$${n + 4},$${n + 5},'document',$${n + 6},$${n + 7}::"AuditOutcome",$${n + 8},'Mozilla/5.0 (bench)',$${n + 9}::jsonb,$${n + 10},$${n + 11})`);
      rows.push(fields.seq.toString(), fields.occurredAt.toISOString(), fields.actorLoginId, fields.actorDepartment, action, fields.targetId, fields.outcome, fields.clientAddress, JSON.stringify(fields.details), prev, hash);
      prev = hash;
    }
    await client.query(
      `INSERT INTO audit_events (seq, occurred_at, actor_login_id, actor_roles, actor_department, action, target_type, target_id, outcome, client_address, user_agent, details, prev_hash, hash) VALUES ${placeholders.join(',')}`,
      rows,
    );
  }
  await client.query(`SELECT setval(pg_get_serial_sequence('audit_events', 'seq'), ${total})`);
  await client.query('ANALYZE audit_events');
  await client.end();
  console.log(`生成 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);

  const { unsafeQueryAuditPage } = await import('@/lib/server/audit/list-events');
  const { ZAuditFilter } = await import('@/lib/schemas/audit');
  const filters: Record<string, Record<string, string>> = {
    '最新ページ（条件なし）': {},
    '操作者で絞り込み': { actor: 'user-0042' },
    '操作で絞り込み（承認）': { action: 'revision.approve' },
    '文書で絞り込み': { document: 'standard-1234' },
    '結果＝拒否': { outcome: 'DENIED' },
    '期間（1日）＋操作': { from: '2025-06-01', to: '2025-06-01', action: 'document.read' },
    '古いページ（keyset）': { before: String(Math.floor(total / 3)) },
  };
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
