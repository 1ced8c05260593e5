/*
 * npm run bench [-- part …] [--quick] [--sizes 200,2000,20000] [--documents 2000] [--events 1000000]
 *
 * Builds the production app, creates a fresh database on DATABASE_URL's server (or an embedded
 * PostgreSQL), fills it with the scale corpus (scripts/bench/generate-corpus.ts), starts
 * `next start` on it, warms up and measures the parts below, each against a reference measured
 * in the same run on the same machine. Prints median / min / max per figure and every target with
 * PASS / MISS, and writes bench/results/<date>.json. Asserts nothing and never fails on a MISS.
 *
 * Parts: page restricted search compare bundle audit vitals rss acks (all by default), plus library
 * (growth only). With --sizes, restricted, search and library also run at every corpus size.
 * --keep leaves the corpus databases; --reuse measures on the newest one kept for each size.
 * --quick: 2 runs of 3 s, 200 documents and 50,000 audit events unless given.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { migrateDatabase } from '../../lib/server/db/migrate';
import { applicationUrlFor } from '../../lib/server/db/roles';
import { serverMemoryEnv, serverNodeArgs } from '../lib/server-heap';
import { createFreshDatabase, startTestServer, withDatabaseName } from '../../tests/support/test-database';
import type { TCorpusSummary } from './generate-corpus';
import { fmt, median, request, type TBenchContext, type TMeasurement, type TPartResult, type TTargetResult } from './lib';
import { runAcks } from './parts/acks';
import { runAudit } from './parts/audit';
import { runBundle } from './parts/bundle';
import { runCompare } from './parts/compare';
import { runLibrary } from './parts/library';
import { runPage } from './parts/page';
import { runRestricted } from './parts/restricted';
import { runRss } from './parts/rss';
import { runSearch } from './parts/search';
import { runVitals } from './parts/vitals';

const PARTS = {
  page: runPage,
  restricted: runRestricted,
  library: runLibrary,
  search: runSearch,
  compare: runCompare,
  audit: runAudit,
  bundle: runBundle,
  vitals: runVitals,
  rss: runRss,
  acks: runAcks,
} satisfies Record<string, (ctx: TBenchContext) => Promise<TPartResult>>;
type TPart = keyof typeof PARTS;
const GROWTH_PARTS: TPart[] = ['restricted', 'library', 'search'];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    documents: { type: 'string' },
    articles: { type: 'string', default: '30' },
    revisions: { type: 'string', default: '3' },
    events: { type: 'string' },
    runs: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string', default: '10' },
    port: { type: 'string', default: '3900' },
    'skip-build': { type: 'boolean', default: false },
    /** an existing corpus database to measure instead of generating one (main size only) */
    'corpus-url': { type: 'string' },
    keep: { type: 'boolean', default: false },
    /** measure on the newest database an earlier `--keep` run left for the same size, if any */
    reuse: { type: 'boolean', default: false },
  },
});

const unknown = positionals.filter((p) => !(p in PARTS));
if (unknown.length > 0) {
  console.error(`不明な計測項目: ${unknown.join(', ')}（${Object.keys(PARTS).join(' ')}）`);
  process.exit(2);
}
const quick = values.quick;
const selected: TPart[] = positionals.length > 0 ? (positionals as TPart[]) : (Object.keys(PARTS) as TPart[]);
const mainSize = Number(values.documents ?? (quick ? 200 : 2000));
const sizes = [...new Set([...(values.sizes ?? '').split(',').filter(Boolean).map(Number), mainSize])].sort((a, b) => a - b);
const options = {
  runs: Number(values.runs ?? (quick ? 2 : 5)),
  duration: Number(values.duration ?? (quick ? 3 : 10)),
  connections: Number(values.connections),
  events: Number(values.events ?? (quick ? 50_000 : 1_000_000)),
  articles: Number(values.articles),
  revisions: Number(values.revisions),
};
const port = Number(values.port);
const baseUrl = `http://127.0.0.1:${port}`;
const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
const resultsDir = path.join('bench', 'results');
mkdirSync(resultsDir, { recursive: true });
const resultsFile = path.join(resultsDir, `${stamp}.json`);
const log = (line: string) => console.log(`[bench] ${line}`);
const bin = (name: string) => path.join('node_modules', '.bin', name);

const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? '',
  memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
  node: process.version,
  next: (JSON.parse(readFileSync(path.join('node_modules', 'next', 'package.json'), 'utf8')) as { version: string }).version,
  platform: `${os.type()} ${os.release()}`,
  loadAverageAtStart: os.loadavg().map((n) => Number(n.toFixed(2))),
  postgres: '',
};

const measurements: TMeasurement[] = [];
const targets: TTargetResult[] = [];
/** each part's details per corpus size (the growth table reads restricted, library and search) */
const growth: Record<number, Record<string, unknown>> = {};
const failures: string[] = [];

if (!values['skip-build']) {
  log('本番用にビルドします（next build）');
  const build = spawnSync(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'build'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  writeFileSync(path.join(resultsDir, `${stamp}-build.log`), Buffer.concat([build.stdout, build.stderr]));
  if (build.status !== 0) {
    console.error(build.stdout.toString(), build.stderr.toString());
    process.exit(1);
  }
}

const server = await startTestServer();
try {
  for (const size of sizes) {
    const main = size === mainSize;
    const parts = selected.filter((p) => p !== 'library' && (main || GROWTH_PARTS.includes(p)));
    // the library grows with the corpus too: measured wherever restricted reads or search are
    if (parts.includes('restricted') || parts.includes('search') || (main && selected.includes('library'))) parts.push('library');
    if (parts.length === 0) continue;
    const ordered = (Object.keys(PARTS) as TPart[]).filter((p) => parts.includes(p));
    log(`=== ${size.toLocaleString()} 文書: ${ordered.join(', ')}`);
    const wantedEvents = main && parts.includes('audit') ? options.events : 10_000;
    const kept = values.reuse ? await keptCorpus(size, wantedEvents) : null;
    if (kept) log(`前回 --keep で残したデータベースで計測します: ${kept.url}`);
    const corpus = main && values['corpus-url'] ? { url: values['corpus-url'], drop: async () => undefined } : (kept ?? (await makeCorpus(size, wantedEvents)));
    try {
      machine.postgres ||= await postgresVersion(corpus.url);
      const events = await countEvents(corpus.url);
      const next = await startPortal(corpus.url, size);
      try {
        const ctx: TBenchContext = { baseUrl, databaseUrl: corpus.url, serverPid: next.pid!, documents: size, events, runs: options.runs, duration: options.duration, connections: options.connections, quick, log };
        for (const part of ordered) {
          log(`--- ${part}`);
          try {
            const result = await PARTS[part](ctx);
            measurements.push(...result.measurements);
            if (main) targets.push(...result.targets);
            (growth[size] ??= {})[part] = result.details;
          } catch (error) {
            failures.push(`${part}（${size} 文書）: ${error instanceof Error ? error.message : String(error)}`);
            console.error(error);
          }
          // after every part, so that an interrupted run keeps what it measured
          saveResults();
        }
      } finally {
        await stopPortal(next);
      }
    } finally {
      if (values.keep || kept) log(`データベースを残しました: ${corpus.url}`);
      else await corpus.drop().catch(() => undefined);
    }
  }
} finally {
  await server.stop();
}

printReport();
saveResults();
log(`結果: ${resultsFile}`);
process.exit(failures.length > 0 ? 1 : 0);

function saveResults(): void {
  writeFileSync(
    resultsFile,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: { ...machine, loadAverageAtEnd: os.loadavg().map((n) => Number(n.toFixed(2))) },
        options: { ...options, quick, parts: selected, sizes, mainSize },
        targets,
        measurements: measurements.map((m) => ({ ...m, median: median(m.values), min: Math.min(...m.values), max: Math.max(...m.values) })),
        growth,
        failures,
      },
      null,
      2,
    ),
  );
}

/** The newest `isms_bench_<size>_…` database with at least `events` audit events (kept by `--keep`). */
async function keptCorpus(size: number, events: number): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY pg_database.oid DESC`,
      [`isms\\_bench\\_${size}\\_%`],
    );
    for (const { datname } of rows) {
      const url = withDatabaseName(server.adminUrl, datname);
      const found = await countEvents(url).catch(() => 0);
      if (found < events) continue;
      // a kept corpus is as old as its run: bring its schema up to this tree's migrations, then leave
      // it as autovacuum would (it is off on the CI machines' PostgreSQL) after a migration's rewrites
      await migrateDatabase({ databaseUrl: url });
      await withClient(url, (c) => c.query('VACUUM (ANALYZE)'));
      return { url, drop: async () => undefined };
    }
    return null;
  } finally {
    await admin.end();
  }
}

async function makeCorpus(size: number, events: number): Promise<{ url: string; drop: () => Promise<void> }> {
  const database = await createFreshDatabase(server.adminUrl, `isms_bench_${size}`);
  log(`コーパスを生成します: ${database.name}（${size.toLocaleString()} 文書 × ${options.articles} 条 × ${options.revisions} 版、監査記録 ${events.toLocaleString()} 件）`);
  const started = performance.now();
  const child = spawnSync(
    bin('tsx'),
    ['--conditions=react-server', path.join('scripts', 'bench', 'generate-corpus.ts'), '--json', '--documents', String(size), '--articles', String(options.articles), '--revisions', String(options.revisions), '--events', String(events)],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, DATABASE_URL: database.url }, maxBuffer: 64 * 1024 * 1024 },
  );
  if (child.status !== 0) {
    await database.drop().catch(() => undefined);
    throw new Error(`corpus generation failed (${child.status})`);
  }
  const summary = JSON.parse(child.stdout.toString('utf8').trim().split('\n').at(-1)!) as TCorpusSummary;
  log(`コーパス ${((performance.now() - started) / 1000).toFixed(0)} 秒: 版 ${summary.revisions.toLocaleString()}、条 ${summary.articles.toLocaleString()}、索引 ${summary.searchIndex.units.toLocaleString()} 単位`);
  (growth[size] ??= {}).corpus = summary;
  return database;
}

async function startPortal(databaseUrl: string, size: number): Promise<ChildProcess> {
  const logFile = createWriteStream(path.join(resultsDir, `${stamp}-server-${size}.log`));
  const child = spawn(process.execPath, [...serverNodeArgs(), path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...serverMemoryEnv(),
      NODE_ENV: 'production',
      // served as the application's role, as in production (the corpus was migrated from the administrator's URL)
      DATABASE_URL: applicationUrlFor(databaseUrl),
      NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
      NEXTAUTH_URL: baseUrl,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  child.stdout!.pipe(logFile);
  child.stderr!.pipe(logFile);
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}); see ${logFile.path}`);
    const ok = await request(`${baseUrl}/api/health`).then((r) => r.status === 200, () => false);
    if (ok) {
      log(`next start（pid ${child.pid}）: ${baseUrl}`);
      return child;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGTERM');
  throw new Error('next start did not answer /api/health within 60 s');
}

async function stopPortal(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function postgresVersion(url: string): Promise<string> {
  return withClient(url, async (c) => (await c.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version);
}

function countEvents(url: string): Promise<number> {
  return withClient(url, async (c) => Number((await c.query<{ n: string }>('SELECT coalesce(max(seq), 0)::text AS n FROM audit_events')).rows[0]!.n));
}

function printReport(): void {
  const line = (cells: string[]) => console.log(`| ${cells.join(' | ')} |`);
  console.log(`\n計測環境: ${machine.cpus} CPU（${machine.cpuModel}）、メモリ ${machine.memoryGiB} GiB、Node ${machine.node}、Next ${machine.next}、PostgreSQL ${machine.postgres}、負荷平均 開始時 ${machine.loadAverageAtStart.join(' / ')}、終了時 ${os.loadavg().map((n) => n.toFixed(2)).join(' / ')}`);
  console.log(`実行: ${options.runs} 回 × ${options.duration} 秒、${options.connections} 接続${quick ? '（--quick）' : ''}\n`);
  line(['計測', '単位', 'median', 'min', 'max', '回数']);
  line(['---', '---', '---:', '---:', '---:', '---:']);
  for (const m of measurements) {
    const digits = m.unit === '' ? 3 : m.unit === 'req/s' ? 0 : 1;
    line([m.name, m.unit, fmt(median(m.values), digits), fmt(Math.min(...m.values), digits), fmt(Math.max(...m.values), digits), String(m.values.length)]);
  }
  console.log('');
  line(['#', '目標', '計測値', '目標値', '判定']);
  line(['---', '---', '---', '---', '---']);
  for (const t of targets) line([String(t.id), t.label, t.measured, t.target, t.pass ? 'PASS' : 'MISS']);
  const sizesMeasured = Object.keys(growth).map(Number);
  if (sizesMeasured.length > 1) {
    console.log('\n増加（§3）');
    line(['文書数', '版', 'RESTRICTED req/s', 'p99 ms', '/documents p50 ms', ...searchLabels(), '検索索引 単位']);
    line(['---:', '---:', '---:', '---:', '---:', ...searchLabels().map(() => '---:'), '---:']);
    for (const size of sizesMeasured) {
      const g = growth[size] as { corpus?: TCorpusSummary; restricted?: { rps: number; p99: number }; library?: { p50: number }; search?: Record<string, { p95: number }> };
      line([
        size.toLocaleString(),
        g.corpus?.revisions.toLocaleString() ?? '—',
        fmt(g.restricted?.rps ?? NaN, 0),
        fmt(g.restricted?.p99 ?? NaN, 0),
        fmt(g.library?.p50 ?? NaN),
        ...searchQueries().map((q) => fmt(g.search?.[q]?.p95 ?? NaN)),
        g.corpus?.searchIndex.units.toLocaleString() ?? '—',
      ]);
    }
  }
  if (failures.length > 0) console.log(`\n失敗した計測:\n${failures.map((f) => `- ${f}`).join('\n')}`);
}

function searchQueries(): string[] {
  return [...new Set(Object.values(growth).flatMap((g) => Object.keys((g as { search?: object }).search ?? {})))];
}

function searchLabels(): string[] {
  return searchQueries().map((q) => `検索「${q}」p95 ms`);
}
