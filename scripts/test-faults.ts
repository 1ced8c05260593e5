/*
 * npm run test:faults [-- --load-seconds 60] [--skip-browser] [--skip-load] [--only down,pool,…]
 * Stages faults on a running portal while people work and checks what the issue promises: clear
 * and fast answers (503 within 2 s, in Japanese, no stack trace, no hang), recovery without a
 * restart, no acknowledged save lost, nothing half-stored, an audit chain that still verifies;
 * then a bounded mixed load run with the same checks. Prints one table and exits 1 on a failure.
 *
 * Only loopback addresses are used. The machine's PostgreSQL is never stopped: the portal reaches
 * a fresh database of its own through a TCP proxy of this script (tests/faults/tcp-proxy.ts),
 * and "PostgreSQL down" is that proxy cutting and refusing connections.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { parseArgs } from 'node:util';
import { backendTerminated, databaseStopped, killedDuringSaves, killedMidSave, networkPartition, poolExhausted, type TCaseContext, type TCaseResult } from '../tests/faults/cases';
import { editorKeepsTextWhenConnectionKilled } from '../tests/faults/editor-ui';
import { DraftSession, sql } from '../tests/faults/harness';
import { HttpClient } from '../tests/faults/http-client';
import { loadWithoutLoss, type TLoadFigures } from '../tests/faults/load';
import { startPortal, type TPortal } from '../tests/faults/portal';
import { startTcpProxy } from '../tests/faults/tcp-proxy';
import { createFreshDatabase, startTestServer } from '../tests/support/test-database';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { seedDatabase } from '@/lib/server/seed/seed-database';

const { values } = parseArgs({
  options: {
    'load-seconds': { type: 'string', default: '60' },
    'skip-browser': { type: 'boolean', default: false },
    'skip-load': { type: 'boolean', default: false },
    /** comma-separated case names (down, partition, terminate, terminate-ui, pool, kill-mid-save, kill-during-saves, load) */
    only: { type: 'string' },
  },
});
const loadSeconds = Number(values['load-seconds']);
if (!Number.isFinite(loadSeconds) || loadSeconds < 1 || loadSeconds > 600) {
  console.error('--load-seconds は 1〜600 の秒数で指定してください。');
  process.exit(2);
}

/** Tight limits for the fault cases, so that each finishes in seconds; the load run uses the defaults. */
const FAULT_SETTINGS = {
  DATABASE_POOL_MAX: '5',
  DATABASE_CONNECT_TIMEOUT_MS: '1000',
  DATABASE_STATEMENT_TIMEOUT_MS: '2000',
  DATABASE_TX_MAX_WAIT_MS: '1000',
  DATABASE_TX_TIMEOUT_MS: '5000',
};
const PRODUCTION_SETTINGS = { DATABASE_POOL_MAX: '10', DATABASE_CONNECT_TIMEOUT_MS: '5000', DATABASE_STATEMENT_TIMEOUT_MS: '10000', DATABASE_TX_MAX_WAIT_MS: '10000', DATABASE_TX_TIMEOUT_MS: '15000' };
const DRAFTS = ['basic-policy', 'sample-standard', 'sample-safety-management-standard', 'sample-procedure-media', 'sample-procedure-password'];

process.env.NEXT_TELEMETRY_DISABLED = '1';
const runStarted = performance.now();
const server = await startTestServer();
const database = await createFreshDatabase(server.adminUrl, 'isms_faults');
// The chain verification below runs in this process, on the database directly.
process.env.DATABASE_URL = database.url;
const upstream = new URL(server.adminUrl);
const proxy = await startTcpProxy({ host: upstream.hostname, port: Number(upstream.port || 5432) });
const portalUrl = new URL(database.url);
portalUrl.host = `127.0.0.1:${proxy.port}`;
const port = await freePort();
const baseEnv = { DATABASE_URL: portalUrl.toString(), PORTAL_DEMO_ACCOUNTS: '1', NEXTAUTH_SECRET: randomBytes(32).toString('base64url'), NEXTAUTH_URL: `http://localhost:${port}` };

let portal: TPortal | null = null;
let settings: Record<string, string> = FAULT_SETTINGS;
const results: TCaseResult[] = [];
let load: TLoadFigures | null = null;
const figures: Record<string, string> = {};

// Never leave a portal or the proxy behind, whatever happens.
const hardStop = setTimeout(() => void cleanUp().then(() => process.exit(1)), 20 * 60_000);
hardStop.unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void cleanUp().then(() => process.exit(130)));

try {
  console.log(`[faults] portal on http://localhost:${port}, database ${database.name} through proxy port ${proxy.port}`);
  // Seeded here rather than by `npm start`, so that the fault settings' short statement timeout
  // applies to the portal only.
  await migrateDatabase({ databaseUrl: database.url });
  await seedDatabase({ demoAccounts: true });
  portal = await startPortal({ port, env: { ...baseEnv, ...settings } });
  console.log(`[faults] portal ready after ${((performance.now() - runStarted) / 1000).toFixed(1)} s`);

  const baseTexts = new Map<string, string>();
  const opener = new HttpClient(portal.baseUrl);
  await opener.signIn('demo-editor');
  for (const slug of DRAFTS) {
    const session = await DraftSession.open(opener, slug);
    await session.sync(database.url);
    baseTexts.set(slug, session.lastSavedText);
  }

  const ctx: TCaseContext = {
    databaseUrl: database.url,
    proxy,
    portal: () => portal!,
    settings: () => settings,
    runId: randomBytes(3).toString('hex'),
    saves: [],
    figures,
    restartPortal: async () => {
      await portal?.kill();
      portal = await startPortal({ port, env: { ...baseEnv, ...settings }, readyTimeoutMs: 120_000 });
    },
    editor: async (slug) => {
      const client = new HttpClient(portal!.baseUrl);
      await client.signIn('demo-editor');
      const session = await DraftSession.open(client, slug);
      await session.sync(database.url);
      return { session, baseText: baseTexts.get(slug)! };
    },
    workload: async (shape) => {
      const signedIn = async (loginId: string) => {
        const client = new HttpClient(portal!.baseUrl);
        await client.signIn(loginId);
        return client;
      };
      const editors = [];
      for (const [i, slug] of shape.editorSlugs.entries()) {
        const { session, baseText } = await ctx.editor(slug);
        editors.push({ session, baseText, who: `e${i}` });
      }
      return {
        readers: Array.from({ length: shape.readers }, () => new HttpClient(portal!.baseUrl)),
        staff: await Promise.all(Array.from({ length: shape.staff }, () => signedIn('demo-staff'))),
        searchers: await Promise.all(Array.from({ length: shape.searchers ?? 0 }, () => signedIn('demo-staff'))),
        editors,
        runId: ctx.runId,
      };
    },
  };

  const cases: [string, () => Promise<TCaseResult>][] = [
    ['down', () => databaseStopped(ctx)],
    ['partition', () => networkPartition(ctx)],
    ['terminate', () => backendTerminated(ctx)],
    ...(values['skip-browser'] ? [] : ([['terminate-ui', () => editorKeepsTextWhenConnectionKilled(ctx)]] as [string, () => Promise<TCaseResult>][])),
    ['pool', () => poolExhausted(ctx)],
    ['kill-mid-save', () => killedMidSave(ctx)],
    [
      'kill-during-saves',
      () => {
        // The portal comes back from this kill as shipped (default pool and timeouts), for the load run.
        settings = PRODUCTION_SETTINGS;
        return killedDuringSaves(ctx);
      },
    ],
  ];
  const only = values.only?.split(',');
  for (const [name, run] of cases.filter(([name]) => !only || only.includes(name))) {
    const started = performance.now();
    console.log(`[faults] ${name} …`);
    const result = await run().catch((error: unknown) => ({ fault: name, happened: 'the case itself failed', pass: false, problems: [error instanceof Error ? (error.stack ?? error.message) : String(error)] }));
    console.log(`[faults] ${name}: ${result.pass ? 'pass' : 'FAIL'} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    results.push(result);
  }
  if (!values['skip-load'] && (!only || only.includes('load'))) {
    console.log(`[faults] load for ${loadSeconds} s …`);
    const outcome = await loadWithoutLoss(ctx, loadSeconds).catch((error: unknown) => ({
      result: { fault: 'load', happened: 'the load run itself failed', pass: false, problems: [error instanceof Error ? (error.stack ?? error.message) : String(error)] },
      figures: null,
    }));
    results.push(outcome.result);
    load = outcome.figures;
  }
  const [events] = await sql<{ n: string }>(database.url, 'SELECT count(*) AS n FROM audit_events');
  figures['audit events at the end (chain verified)'] = events!.n;
} catch (error) {
  console.error(error);
  if (portal) console.error(portal.output().split('\n').slice(-30).join('\n'));
  results.push({ fault: 'setting up', happened: 'the run could not be set up', pass: false, problems: [String(error)] });
} finally {
  await cleanUp();
}

report();
process.exit(results.every((r) => r.pass) ? 0 : 1);

async function cleanUp(): Promise<void> {
  await portal?.stop().catch(() => undefined);
  portal = null;
  await proxy.close().catch(() => undefined);
  const { disconnectDb } = await import('@/lib/server/db');
  await disconnectDb().catch(() => undefined);
  await database.drop().catch(() => undefined);
  await server.stop().catch(() => undefined);
}

function report(): void {
  const width = Math.min(100, Math.max(...results.map((r) => r.fault.length)));
  console.log('\n=== Faults and load: what the portal did');
  console.log(`${'#'.padEnd(3)} ${'result'.padEnd(6)} fault`);
  results.forEach((r, i) => console.log(`${String(i + 1).padEnd(3)} ${(r.pass ? 'pass' : 'FAIL').padEnd(6)} ${r.fault.slice(0, width)}`));
  console.log('');
  results.forEach((r, i) => {
    console.log(`${i + 1}. ${r.fault}`);
    console.log(`   → ${r.happened}`);
    for (const problem of r.problems) console.log(`   ✗ ${problem}`);
  });
  if (load) {
    console.log('\n=== Load run');
    console.log(`${load.requests} requests in ${load.seconds.toFixed(1)} s = ${load.perSecond.toFixed(1)} req/s; error rate ${(load.errorRate * 100).toFixed(2)} %; p50 ${Math.round(load.p50)} ms, p95 ${Math.round(load.p95)} ms, p99 ${Math.round(load.p99)} ms`);
    console.log(`${'kind'.padEnd(8)} ${'requests'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)}`);
    for (const k of load.byKind) console.log(`${k.kind.padEnd(8)} ${String(k.n).padStart(8)} ${String(Math.round(k.p50)).padStart(8)} ${String(Math.round(k.p99)).padStart(8)} ${String(k.errors).padStart(7)}`);
    console.log(`saves: ${load.saves.saved} acknowledged, ${load.saves.conflicts} conflicts (kept as copies), ${load.saves.failed} failed`);
  }
  if (Object.keys(figures).length) {
    console.log('\n=== Figures');
    for (const [k, v] of Object.entries(figures)) console.log(`${k}: ${v}`);
  }
  const passed = results.filter((r) => r.pass).length;
  console.log(`\nfault cases: ${passed} of ${results.length} passed (${((performance.now() - runStarted) / 1000).toFixed(0)} s)`);
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port: free } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return free;
}
