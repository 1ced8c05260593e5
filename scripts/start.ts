/*
 * npm start: one command from a fresh clone to a running portal.
 *   - DATABASE_URL unset: starts the embedded PostgreSQL (data in .data/), stopped cleanly on exit;
 *   - migrates as the tables' owner (provisioning the owner and application roles first when it
 *     holds an administrator's URL: the embedded database, tests, CI), seeds when the database
 *     holds no document yet;
 *   - serves as the application's role, which cannot alter the audit trail (ADR 004);
 *   - builds the production app when there is no build of the current sources;
 *   - serves it with `next start` (or `next dev` with --dev) on PORT (3000): the demo (embedded
 *     database or demo accounts) on 127.0.0.1 only unless PORTAL_LISTEN says otherwise.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { disconnectDb } from '@/lib/server/db';
import { unsafeReindexSearch } from '@/lib/server/search/index-revision';
import { seedDatabase } from '@/lib/server/seed/seed-database';
import { openDatabase } from './lib/database';
import { listenAddress } from './lib/listen-address';
import { serverMemoryEnv, serverNodeArgs } from './lib/server-heap';

const dev = process.argv.includes('--dev');
const port = process.env.PORT ?? '3000';
const log = (line: string) => console.log(`[portal] ${line}`);
const started = Date.now();
// Decided before anything starts, so that a mistyped PORTAL_LISTEN stops the command at once.
const demo = !process.env.DATABASE_URL || process.env.PORTAL_DEMO_ACCOUNTS === '1';
const listen = listenAddress({ env: process.env, demo, port });

process.env.NEXT_TELEMETRY_DISABLED = '1';
const publicOriginConfigured = Boolean(process.env.NEXTAUTH_URL);
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
process.env.NEXTAUTH_SECRET ??= await persistentSecret(path.join('.data', 'auth-secret'));

const database = await openDatabase(log);
// The demo: sign-in keeps whichever local address the person opened (lib/server/http/request-origin.ts).
process.env.PORTAL_LOCAL_ORIGINS ??= database.embedded !== null || !publicOriginConfigured ? '1' : '0';
let stopping = false;
async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await database.close().catch((error: unknown) => console.error(error));
  }
  process.exit(code);
}
// One handler for the whole run (tsx's own listeners must stay in place): before the server
// runs, stop the database and exit; afterwards pass the signal on, and stop once it has exited.
let next: ChildProcess | null = null;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => (next ? next.kill(signal) : void shutdown(0)));
}

try {
  const migrated = await migrateDatabase({ databaseUrl: database.url, requireAppRole: true, log });
  log(`マイグレーション: 新規 ${migrated.applied.length} 件、データ移行 新規 ${migrated.data.applied.length} 件`);
  // From here on, this process and the server connect as the application's role only.
  if (migrated.appUrl) process.env.DATABASE_URL = migrated.appUrl;
  delete process.env.DATABASE_MIGRATE_URL;
  log(`アプリケーションはデータベースの役割「${migrated.roles!.app}」で接続します（監査記録は追記と参照のみ）`);
  if (await isEmpty(database.url)) {
    // Demo accounts only on the embedded (demo) database, or when asked for explicitly.
    const demoAccounts = database.embedded !== null || process.env.PORTAL_DEMO_ACCOUNTS === '1';
    const seeded = await seedDatabase({ demoAccounts });
    log(`初期データを投入しました（版 ${seeded.revisionsCreated} 件、デモアカウント ${seeded.demoAccounts} 件）`);
  }
  const indexed = await unsafeReindexSearch();
  if (indexed.revisions > 0) log(`検索索引を作成しました（版 ${indexed.revisions} 件、${indexed.units} 単位）`);
  await disconnectDb();
} catch (error) {
  console.error(error);
  await shutdown(1);
}

if (!dev) buildIfStale();

next = spawn(process.execPath, [...(dev ? [] : serverNodeArgs()), path.join('node_modules', 'next', 'dist', 'bin', 'next'), dev ? 'dev' : 'start', '-p', port, ...(listen.host ? ['-H', listen.host] : [])], {
  stdio: 'inherit',
  env: { ...process.env, ...(dev ? {} : serverMemoryEnv()), DATABASE_URL: process.env.DATABASE_URL, NODE_OPTIONS: socketAddressNodeOptions() },
});
log(listen.message);
log(`起動しています: ${listen.url} （準備 ${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
next.on('exit', (code) => void shutdown(code ?? 0));

/**
 * Preloads scripts/server/socket-address.mjs into the server (NODE_OPTIONS reaches `next dev`'s
 * worker too): the client address the throttle and the audit trail use comes from the socket.
 */
function socketAddressNodeOptions(): string {
  const preload = pathToFileURL(path.resolve('scripts', 'server', 'socket-address.mjs')).href;
  return [process.env.NODE_OPTIONS, `--import=${preload}`].filter(Boolean).join(' ');
}

/** A random secret kept in .data/ so that sessions survive a restart of the demo portal. */
async function persistentSecret(file: string): Promise<string> {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

async function isEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM documents');
    return rows[0]?.n === '0';
  } finally {
    await client.end();
  }
}

/** Rebuilds when the sources changed since the last build (a fingerprint of their paths, sizes and times). */
function buildIfStale(): void {
  const stamp = path.join('.next', 'portal-source-fingerprint');
  const fingerprint = sourceFingerprint(['app', 'components', 'lib', 'public', 'prisma/schema.prisma', 'next.config.ts', 'proxy.ts', 'instrumentation.ts', 'package-lock.json', 'postcss.config.mjs']);
  if (existsSync(path.join('.next', 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint) return;
  log('本番用にビルドします（初回は数分かかります）');
  const result = spawnSync(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'build'], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) void shutdown(result.status ?? 1);
  writeFileSync(stamp, fingerprint);
}

function sourceFingerprint(roots: string[]): string {
  const hash = createHash('sha256');
  const walk = (p: string): void => {
    if (!existsSync(p) || p.includes('generated')) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) walk(path.join(p, name));
    } else {
      hash.update(`${p}:${st.size}:${st.mtimeMs}\n`);
    }
  };
  roots.forEach(walk);
  return hash.digest('hex');
}
