/*
 * npm run db:backup [-- --out <file>]
 * A pg_dump archive (custom format) of the portal's database: DATABASE_URL, or the embedded
 * PostgreSQL (running under `npm start` or started for the command). The audit chain's head and
 * the row counts, read in the very snapshot that is dumped, go into <file>.json beside it, so
 * that `npm run db:restore` can prove the restored copy is the same. Default file:
 * .data/backups/isms-portal-<UTC time>.dump. The archive holds restricted documents and password
 * hashes: it is readable by its owner only from its first byte (created 0600 before pg_dump writes
 * into it; a new backup folder is 0700); keep it as carefully as the database.
 */
import { closeSync, mkdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { databaseFacts, dumpToPrivateFile, libpqEnv, openPrivateFile, openToolDatabase, pickPgTool, serverMajorVersion } from './lib/pg-tools';

const { values } = parseArgs({ options: { out: { type: 'string', short: 'o' } } });
const log = (line: string) => console.log(`[backup] ${line}`);
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
const out = path.resolve(values.out ?? path.join('.data', 'backups', `isms-portal-${stamp}.dump`));
const partial = `${out}.partial`;

const database = await openToolDatabase(log);
let failed = false;
try {
  const major = await serverMajorVersion(database.url);
  const tool = pickPgTool('pg_dump', major, `PostgreSQL ${major} のデータベースのバックアップ`);
  mkdirSync(path.dirname(out), { recursive: true, mode: 0o700 });

  // One snapshot for the dump and for the head and counts recorded with it.
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows } = await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id');
    const facts = await databaseFacts(client);
    const dump = dumpToPrivateFile({ tool: tool.path, args: ['--format=custom', `--snapshot=${rows[0]!.id}`, '--no-password'], env: libpqEnv(database.url), file: partial });
    await client.query('COMMIT');
    if (dump.status !== 0) throw new Error(`pg_dump が失敗しました（終了コード ${dump.status}）。バックアップは作成されていません。`);
    // Only a complete archive carries the final name.
    renameSync(partial, out);
    const manifest = { createdAt: new Date().toISOString(), database: new URL(database.url).pathname.slice(1), serverMajor: major, pgDump: tool.version, ...facts };
    const manifestFd = openPrivateFile(`${out}.json`);
    try {
      writeSync(manifestFd, JSON.stringify(manifest, null, 2) + '\n');
    } finally {
      closeSync(manifestFd);
    }
    log(`作成しました: ${out}（${(statSync(out).size / 1024).toFixed(0)} KiB、pg_dump ${tool.version}、PostgreSQL ${major}）`);
    log(facts.auditHead ? `監査記録の先頭: ${facts.auditHead.seq}:${facts.auditHead.hash}` : '監査記録: なし');
    log(`行数: ${Object.entries(facts.counts).map(([t, n]) => `${t} ${n}`).join('、')}`);
  } finally {
    await client.end().catch(() => undefined);
  }
} catch (error) {
  failed = true;
  rmSync(partial, { force: true });
  console.error(`[backup] ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await database.close();
}
process.exit(failed ? 1 : 0);
