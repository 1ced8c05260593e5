/*
 * npm run bench:data-migration [-- --revisions 3000]
 * A fresh database migrated up to before the deep tree (issue 16), N revisions stored as wave 1
 * stored them (the basic policy's three-level tree), then the full migration timed: revisions per
 * second, and the ratio of the whole run to the conversion alone (parse, convert, check, serialize
 * in this process), which tells how much is the database's share. Prints figures; asserts nothing.
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { parsePolicyText } from '@/lib/policy-text/parse';
import { serializePolicyText } from '@/lib/policy-text/serialize';
import { convertStoredContent, deepRevisionContent } from '@/lib/server/db/data-migrations/deep-revision-content';
import { DEFAULT_MIGRATIONS_DIR, migrateDatabase } from '@/lib/server/db/migrate';
import { storedContent } from '@/lib/server/documents/revision-content';
import { createFreshDatabase, startTestServer } from '../tests/support/test-database';

const { values } = parseArgs({ options: { revisions: { type: 'string', default: '3000' } } });
const total = Number(values.revisions);
const DOCUMENTS = 30;

const parsed = parsePolicyText(await readFile(path.join('prisma', 'seed-data', 'fuchu-information-security-basic-policy.txt'), 'utf8'));
if (!parsed.ok) throw new Error('the basic policy does not parse');
const json = JSON.stringify(parsed.tree);
const text = serializePolicyText(parsed.tree);

const server = await startTestServer();
const database = await createFreshDatabase(server.adminUrl, 'isms_bench_data_migration');
const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-migrations-'));
try {
  for (const name of await readdir(DEFAULT_MIGRATIONS_DIR)) {
    if (name < deepRevisionContent.after || !/^\d/.test(name)) await cp(path.join(DEFAULT_MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
  }
  await migrateDatabase({ databaseUrl: database.url, migrationsDir: dir });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  for (let d = 0; d < DOCUMENTS; d += 1) {
    const { rows } = await client.query<{ id: string }>(`INSERT INTO documents (id, slug, kind, title, visibility, updated_at) VALUES (gen_random_uuid(), $1, 'STANDARD', '試験', 'STAFF', now()) RETURNING id`, [`bench-${d}`]);
    await client.query(
      `INSERT INTO revisions (id, document_id, number, status, content, plain_text, content_hash, effective_date)
       SELECT gen_random_uuid(), $1, g, 'APPROVED', $2::jsonb, $3, '', DATE '2000-01-01' + g FROM generate_series(1, $4::int) g`,
      [rows[0]!.id, json, text, Math.ceil(total / DOCUMENTS)],
    );
  }
  const { rows: counted } = await client.query<{ n: string }>('SELECT count(*) AS n FROM revisions');
  await client.end();
  const n = Number(counted[0]!.n);

  const t0 = performance.now();
  for (let i = 0; i < n; i += 1) {
    const converted = convertStoredContent(JSON.parse(json));
    if (converted.ok) storedContent(converted.tree);
  }
  const alone = performance.now() - t0;

  const t1 = performance.now();
  const result = await migrateDatabase({ databaseUrl: database.url });
  const whole = performance.now() - t1;
  console.log(`データ移行 ${result.data.applied.join(', ')}: 版 ${n.toLocaleString()} 件（1 件 ${Math.round(Buffer.byteLength(json) / 1024)} KiB の JSON）`);
  console.log(`| 全体 | ${(whole / 1000).toFixed(1)} 秒 | ${Math.round(n / (whole / 1000))} 版/秒 |`);
  console.log(`| 変換のみ（このプロセス） | ${(alone / 1000).toFixed(1)} 秒 | ${Math.round(n / (alone / 1000))} 版/秒 |`);
  console.log(`| 比（全体 ÷ 変換のみ） | ${(whole / alone).toFixed(1)} | |`);
} finally {
  await rm(dir, { recursive: true, force: true });
  await database.drop().catch(() => undefined);
  await server.stop();
}
