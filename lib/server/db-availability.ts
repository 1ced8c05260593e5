import 'server-only';
import pg from 'pg';
import { requireDatabaseUrl } from '@/lib/server/env';

/*
 * Whether the database answers, for the proxy to turn requests away with a 503 at once instead
 * of letting each of them find out by failing. Nothing is probed while all is well: a connection
 * lost by the pool, or a request that failed on an unreachable database, starts a period in
 * which requests first await one shared probe (a fresh connection, at most one per
 * PROBE_INTERVAL_MS). The first probe that answers ends it: the portal recovers by itself.
 * The state lives on globalThis because the proxy and the routes are bundled apart but share one
 * process.
 */
const PROBE_INTERVAL_MS = 500;
const PROBE_TIMEOUT_MS = 1_000;

type TState = { failing: boolean; probe: Promise<boolean> | null; probedAt: number };
const holder = globalThis as unknown as { __portalDbAvailability?: TState };
const state = (): TState => (holder.__portalDbAvailability ??= { failing: false, probe: null, probedAt: 0 });

/** Connection classes (08), shutdown and recovery (57P01–57P03), too many connections (53300), statement timeout (57014). */
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[1-3]|53300|57014)$/;
/** Prisma: server unreachable or closed the connection, pool or transaction could not start in time. */
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
const UNAVAILABLE_ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Query read timeout|not queryable|Can't reach database server/;

/** True for an error that says the database could not be reached or did not answer in time. */
export function isDatabaseUnavailableError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as { code?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown; originalCode?: unknown } } }; cause?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATES.test(code)) return true;
  const adapterCause = e.meta?.driverAdapterError?.cause;
  if (adapterCause) {
    if (typeof adapterCause.kind === 'string' && UNAVAILABLE_ADAPTER_KINDS.has(adapterCause.kind)) return true;
    const sqlState = adapterCause.originalCode ?? adapterCause.code;
    if (typeof sqlState === 'string' && UNAVAILABLE_SQLSTATES.test(sqlState)) return true;
  }
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  return isDatabaseUnavailableError(e.cause, depth + 1);
}

/** A connection was lost, or a request failed on the database: check before serving the next ones. */
export function reportDatabaseFailure(error?: unknown): void {
  if (error === undefined || isDatabaseUnavailableError(error)) state().failing = true;
}

/** Resolves at once while all is well; while failing, after one shared probe of at most about a second. */
export async function databaseAvailable(): Promise<boolean> {
  const s = state();
  if (!s.failing) return true;
  if (s.probe) return s.probe;
  if (Date.now() - s.probedAt < PROBE_INTERVAL_MS) return false;
  s.probe = probe().then((ok) => {
    s.probedAt = Date.now();
    if (ok) s.failing = false;
    s.probe = null;
    return ok;
  });
  return s.probe;
}

/** A fresh connection and a trivial query, both bounded: the pool may hold connections that are already dead. */
async function probe(): Promise<boolean> {
  const client = new pg.Client({ connectionString: requireDatabaseUrl(), connectionTimeoutMillis: PROBE_TIMEOUT_MS, query_timeout: PROBE_TIMEOUT_MS, application_name: 'isms-policy-portal-probe' });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    void client.end().catch(() => undefined);
  }
}
