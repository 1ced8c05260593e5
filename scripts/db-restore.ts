/*
 * npm run db:restore -- <file> [--force]
 * Restores a `npm run db:backup` archive into the portal's database (DATABASE_URL, or the
 * embedded PostgreSQL) with pg_restore and psql, in one transaction: it lands whole or not at all.
 * A database whose public schema holds tables is refused unless --force is given; then that
 * schema is replaced by the archive's, in the same transaction (stop the portal first). Afterwards the audit chain is verified
 * and, when the backup's <file>.json is there, its head and row counts must match.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, openSync, readFileSync, readSync, closeSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { databaseFacts, libpqEnv, listPgTools, openToolDatabase, pickPgTool, type TDatabaseFacts } from './lib/pg-tools';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
const log = (line: string) => console.log(`[restore] ${line}`);
class RestoreError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
/** Thrown, not exited: an embedded PostgreSQL started for the command must still be stopped. */
const fail = (message: string, code = 1): never => {
  throw new RestoreError(message, code);
};

/** The archive to restore, its manifest and the major version of the pg_dump that wrote it. */
function readArchive(): { file: string; manifest: TDatabaseFacts | null; dumpMajor: number } {
  const file = positionals[0] ? path.resolve(positionals[0]) : fail('復元するバックアップのファイルを指定してください: npm run db:restore -- <ファイル> [--force]', 2);
  if (!existsSync(file)) fail(`ファイルがありません: ${file}`, 2);
  const magic = Buffer.alloc(5);
  const fd = openSync(file, 'r');
  readSync(fd, magic, 0, 5, 0);
  closeSync(fd);
  if (magic.toString('latin1') !== 'PGDMP') fail(`pg_dump のカスタム形式のバックアップではありません: ${file}`, 2);
  const manifestFile = `${file}.json`;
  const manifest = existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as TDatabaseFacts) : null;
  // Any pg_restore reads the archive's header; the one that restores it must be at least as new as its pg_dump.
  const newest = listPgTools('pg_restore').sort((a, b) => b.major - a.major)[0] ?? fail('pg_restore が見つかりません。PostgreSQL のクライアントを入れてください。', 2);
  const listing = spawnSync(newest.path, ['--list', file], { encoding: 'utf8' });
  const dumpMajor = Number(/Dumped by pg_dump version: (\d+)/.exec(listing.stdout ?? '')?.[1] ?? NaN);
  if (listing.status !== 0 || !dumpMajor) fail(`バックアップを読み取れません: ${(listing.stderr ?? '').trim()}`, 2);
  return { file, manifest, dumpMajor };
}

let archive: ReturnType<typeof readArchive>;
try {
  archive = readArchive();
} catch (error) {
  console.error(`[restore] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof RestoreError ? error.exitCode : 1);
}
const { file, manifest, dumpMajor } = archive;

const opened = await openToolDatabase(log);
// Restored as the owner when DATABASE_MIGRATE_URL names it (DATABASE_URL is then the application's role, which cannot create tables).
const { migrationUrl } = await import('@/lib/server/db/migrate');
const database = { ...opened, url: migrationUrl(opened.url) };
let exitCode = 0;
try {
  const dbName = new URL(database.url).pathname.slice(1);
  const tool = pickPgTool('pg_restore', dumpMajor, `pg_dump ${dumpMajor} で作ったバックアップの復元`);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  let tables = 0;
  try {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname = 'public'`,
    );
    tables = Number(rows[0]!.n);
  } finally {
    await client.end();
  }
  if (tables > 0 && !values.force) {
    fail(`復元先のデータベース「${dbName}」は空ではありません（public スキーマにテーブルなど ${tables} 個）。上書きするには --force を付けてください。いまの内容は失われます。`, 2);
  }
  log(`${file} を「${dbName}」に復元します（pg_restore ${tool.version}${tables > 0 ? '、いまの内容を置き換えます' : ''}）`);
  const applied = await applyArchive({ tool: tool.path, file, dbName, url: database.url, replace: tables > 0 });
  if (!applied) fail('復元に失敗しました。1 つのトランザクションで実行したため、データベースは復元前のままです。');
  // The archive carries no owners or grants: the tables go back to the owner, the application's role gets its privileges again.
  const { reapplyDatabaseRoles } = await import('@/lib/server/db/migrate');
  const roles = await reapplyDatabaseRoles({ databaseUrl: database.url });
  if (roles) log(`所有者「${roles.owner}」とアプリケーションの役割「${roles.app}」の権限を設定しました`);

  process.env.DATABASE_URL = database.url;
  const { unsafeVerifyAuditChain } = await import('@/lib/server/audit/verify-chain');
  const { disconnectDb } = await import('@/lib/server/db');
  const chain = await unsafeVerifyAuditChain();
  await disconnectDb();
  const check = new pg.Client({ connectionString: database.url });
  await check.connect();
  const facts = await databaseFacts(check).finally(() => check.end());
  if (!chain.ok) fail(`復元しましたが、監査記録の連鎖が壊れています: seq ${chain.brokenAt} — ${chain.reason}`);
  log(`監査記録の連鎖を検証しました: ${chain.checked} 件、異常なし${facts.auditHead ? `、先頭 ${facts.auditHead.seq}:${facts.auditHead.hash}` : ''}`);
  if (manifest) {
    const differences = Object.keys({ ...manifest.counts, ...facts.counts }).filter((t) => manifest.counts[t] !== facts.counts[t]);
    const sameHead = manifest.auditHead?.seq === facts.auditHead?.seq && manifest.auditHead?.hash === facts.auditHead?.hash;
    if (!sameHead) fail(`監査記録の先頭がバックアップ時（${manifest.auditHead?.seq}:${manifest.auditHead?.hash}）と一致しません。`);
    if (differences.length) fail(`行数がバックアップ時と一致しません: ${differences.map((t) => `${t} ${manifest.counts[t]} → ${facts.counts[t]}`).join('、')}`);
    log(`バックアップ時の先頭と行数（${Object.keys(facts.counts).length} 表）に一致しました`);
  }
} catch (error) {
  exitCode = error instanceof RestoreError ? error.exitCode : 1;
  console.error(`[restore] ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await database.close();
}
process.exit(exitCode);

/**
 * The archive as SQL (pg_restore) run by psql in one transaction that stops at the first error.
 * Replacing a database drops its public schema first, in that same transaction, so that nothing
 * of the old content survives beside the restored one and a failure leaves the old content whole.
 */
async function applyArchive(options: { tool: string; file: string; dbName: string; url: string; replace: boolean }): Promise<boolean> {
  const psql = path.join(path.dirname(options.tool), 'psql');
  if (!existsSync(psql)) fail(`psql が見つかりません（${psql}）。pg_restore と同じ PostgreSQL クライアントの psql が必要です。`);
  const env = libpqEnv(options.url);
  const apply = spawn(psql, ['--no-psqlrc', '--quiet', '--set=ON_ERROR_STOP=1', '--no-password', `--dbname=${options.dbName}`], { env, stdio: ['pipe', 'ignore', 'inherit'] });
  const source = spawn(options.tool, ['--no-owner', '--no-acl', '--file=-', options.file], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  apply.stdin.on('error', () => undefined);
  apply.stdin.write('BEGIN;\n');
  if (options.replace) apply.stdin.write('SET client_min_messages = warning;\nDROP SCHEMA public CASCADE;\nCREATE SCHEMA public AUTHORIZATION pg_database_owner;\nGRANT USAGE ON SCHEMA public TO PUBLIC;\n');
  source.stdout.pipe(apply.stdin, { end: false });
  // COMMIT only after the whole archive went through: a pg_restore that stops half-way must not leave half a database.
  source.once('close', (code) => apply.stdin.end(code === 0 ? 'COMMIT;\n' : undefined));
  const exit = (child: ReturnType<typeof spawn>) => new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const [sourceCode, applyCode] = await Promise.all([exit(source), exit(apply)]);
  return sourceCode === 0 && applyCode === 0;
}
