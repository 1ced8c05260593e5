import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { reportDatabaseFailure } from '@/lib/server/db-availability';
import { requireDatabaseUrl, serverEnv } from '@/lib/server/env';

const QUERY_TIMEOUT_MARGIN_MS = 2_000;

/*
 * The one PrismaClient, created on first use. Kept on globalThis so that Next's dev server,
 * which re-evaluates modules, does not open a new pool on every edit.
 */
const holder = globalThis as unknown as { __portalPrisma?: PrismaClient };

export function db(): PrismaClient {
  if (!holder.__portalPrisma) {
    const env = serverEnv();
    const adapter = new PrismaPg(
      {
        connectionString: requireDatabaseUrl(),
        max: env.DATABASE_POOL_MAX,
        connectionTimeoutMillis: env.DATABASE_CONNECT_TIMEOUT_MS,
        statement_timeout: env.DATABASE_STATEMENT_TIMEOUT_MS,
        // The server enforces statement_timeout only while it can be reached; over a silent
        // network a query would wait for ever without a deadline of our own.
        query_timeout: env.DATABASE_STATEMENT_TIMEOUT_MS + QUERY_TIMEOUT_MARGIN_MS,
        keepAlive: true,
        application_name: 'isms-policy-portal',
        // Short queries only: PostgreSQL's JIT compiler (on in Debian's builds) spends up to a
        // second compiling any plan it prices high, e.g. every search on a large library.
        options: '-c jit=off',
      },
      { onPoolError: reportDatabaseFailure, onConnectionError: reportDatabaseFailure },
    );
    holder.__portalPrisma = new PrismaClient({ adapter, transactionOptions: { maxWait: env.DATABASE_TX_MAX_WAIT_MS, timeout: env.DATABASE_TX_TIMEOUT_MS } });
  }
  return holder.__portalPrisma;
}

/** Closes the pool; for command-line scripts and tests that must exit cleanly. */
export async function disconnectDb(): Promise<void> {
  const client = holder.__portalPrisma;
  holder.__portalPrisma = undefined;
  await client?.$disconnect();
}
